import crypto from "node:crypto";

/**
 * The query Shopify's app proxy adds to a storefront request under /apps/herald before forwarding it:
 * shop, logged_in_customer_id, path_prefix, timestamp, and the signature (hex HMAC-SHA256, app secret,
 * of the sorted key=value pairs joined without separators). `params` may already hold the storefront
 * URL's own query; it is signed with the rest.
 */
export function appProxyQuery(params: URLSearchParams, opts: { shop: string; at?: Date; secret?: string }): URLSearchParams {
  params.set("shop", opts.shop);
  params.set("logged_in_customer_id", "");
  params.set("path_prefix", "/apps/herald");
  params.set("timestamp", String(Math.floor((opts.at ?? new Date()).getTime() / 1000)));
  const message = [...params.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("");
  params.set("signature", crypto.createHmac("sha256", opts.secret ?? process.env.SHOPIFY_API_SECRET!).update(message).digest("hex"));
  return params;
}
