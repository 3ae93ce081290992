import { z } from "zod";
import { toE164 } from "../notifications/shipping/rules";

// The storefront block's sign-up form (application/x-www-form-urlencoded): variant_id, product_id,
// email, phone (optional), locale, consent ("1"). Pure: no I/O, so it is tested table-style.

/** A sign-up that passed validation. */
export interface SignupInput {
  variantId: string;
  productId: string;
  /** Lower-cased. */
  email: string | null;
  /** E.164. */
  phone: string | null;
  /** The storefront's locale ("en", "pt-BR"...); null when the block did not send a usable one. */
  locale: string | null;
}

/** Field -> error code, as the storefront block shows them. */
export type SignupErrors = Partial<Record<"email" | "phone" | "variant_id" | "product_id" | "consent", string>>;

export type ParsedSignup = { ok: true; input: SignupInput } | { ok: false; errors: SignupErrors };

// Numeric ids as Liquid prints them, or Admin API gids.
const shopifyId = (kind: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^(?:gid://shopify/${kind}/)?\\d{1,20}$`))
    .transform((v) => v.slice(v.lastIndexOf("/") + 1));

const LOCALE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}$/;

/** Validate the form. Every problem is reported at once, by field. */
export function parseSignup(form: URLSearchParams): ParsedSignup {
  const errors: SignupErrors = {};
  const field = (name: string) => (form.get(name) ?? "").trim();

  const variant = shopifyId("ProductVariant").safeParse(field("variant_id"));
  if (!variant.success) errors.variant_id = "invalid_variant";
  const product = shopifyId("Product").safeParse(field("product_id"));
  if (!product.success) errors.product_id = "invalid_product";

  const rawLocale = field("locale");
  const locale = LOCALE.test(rawLocale) ? rawLocale : null;

  const rawEmail = field("email");
  let email: string | null = null;
  if (rawEmail) {
    const parsed = z.email().max(254).safeParse(rawEmail.toLowerCase());
    if (parsed.success) email = parsed.data;
    else errors.email = "invalid_email";
  }

  const rawPhone = field("phone");
  let phone: string | null = null;
  if (rawPhone) {
    // A number without +country is read in the storefront locale's region ("en-IN" -> India).
    phone = toE164(rawPhone, locale?.split("-")[1] ?? null);
    if (!phone) errors.phone = "invalid_phone";
  }

  if (!rawEmail && !rawPhone) errors.email = "missing_contact";
  if (field("consent") !== "1") errors.consent = "missing_consent";

  if (Object.keys(errors).length > 0 || !variant.success || !product.success) return { ok: false, errors };
  return { ok: true, input: { variantId: variant.data, productId: product.data, email, phone, locale } };
}
