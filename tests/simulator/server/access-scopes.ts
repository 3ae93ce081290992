import type { Field, GraphqlError } from "./graphql-selection";

/**
 * Root fields Shopify gates behind an access scope, and the scopes that open each (any one of
 * them; a write_ scope also grants read). From the Admin GraphQL reference: shopLocales needs
 * read_locales or read_markets_home; orders and order need read_orders. A query that selects a
 * gated field without the scope gets that field as null plus an ACCESS_DENIED error, which
 * Shopify's client libraries throw on, so a missing scope fails in tests as it would in a store.
 */
export const ROOT_FIELD_SCOPES: Record<string, readonly string[]> = {
  shopLocales: ["read_locales", "read_markets_home"],
  orders: ["read_orders"],
  order: ["read_orders"],
};

/** Whether a granted scope list (comma-separated, as tokens carry it) opens one of `needed`. */
export function grants(granted: string, needed: readonly string[]): boolean {
  const have = new Set(granted.split(",").map((s) => s.trim()).filter(Boolean));
  return needed.some((scope) => have.has(scope) || have.has(scope.replace(/^read_/, "write_")));
}

/** The root selections the token may not read, each with Shopify's ACCESS_DENIED error. */
export function deniedRootFields(selections: Field[], granted: string): Array<{ field: Field; error: GraphqlError }> {
  return selections.flatMap((field) => {
    const needed = ROOT_FIELD_SCOPES[field.name];
    if (!needed || grants(granted, needed)) return [];
    const required = needed.map((s) => `\`${s}\``).join(" or ");
    return [{
      field,
      error: {
        message: `Access denied for ${field.name} field. Required access: ${required} access scope.`,
        path: [field.key],
        extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess: `${required} access scope.` },
      },
    }];
  });
}
