/**
 * The people and products of the shipping story. Fixed on purpose (the expected outcome names them);
 * ids, tracking numbers and webhook ids come from the seed.
 */

export type CustomerKey = "emily" | "sofia" | "priya" | "anjali" | "neema";

export interface Address {
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  province_code: string | null;
  zip: string;
  country: string;
  country_code: string;
}

export interface Customer {
  key: CustomerKey;
  firstName: string;
  lastName: string;
  /** customer_locale as Shopify sends it on the order. */
  locale: string;
  /** null: this customer gave no email (SMS only). */
  email: string | null;
  /** E.164, or null. */
  phone: string | null;
  /** For quiet hours: where the customer is. */
  timezone: string;
  address: Address;
  /** Marketing consent (GraphQL Customer.defaultEmailAddress/defaultPhoneNumber.marketingState). */
  emailMarketing: "SUBSCRIBED" | "NOT_SUBSCRIBED" | null;
  smsMarketing: "SUBSCRIBED" | "NOT_SUBSCRIBED" | null;
}

export const CUSTOMERS: Record<CustomerKey, Customer> = {
  emily: {
    key: "emily",
    firstName: "Emily",
    lastName: "Carter",
    locale: "en",
    email: "emily.carter@example.com",
    phone: "+15035550134",
    timezone: "America/Los_Angeles",
    address: { address1: "2114 SE Clinton St", address2: null, city: "Portland", province: "Oregon", province_code: "OR", zip: "97202", country: "United States", country_code: "US" },
    emailMarketing: "SUBSCRIBED",
    smsMarketing: "SUBSCRIBED",
  },
  sofia: {
    key: "sofia",
    firstName: "Sofía",
    lastName: "Hernández",
    locale: "es-MX",
    email: "sofia.hernandez@example.com",
    phone: "+523312345678",
    timezone: "America/Mexico_City",
    address: { address1: "Av. Chapultepec 480", address2: "Col. Americana", city: "Guadalajara", province: "Jalisco", province_code: "JAL", zip: "44160", country: "Mexico", country_code: "MX" },
    emailMarketing: "NOT_SUBSCRIBED",
    smsMarketing: "SUBSCRIBED",
  },
  priya: {
    key: "priya",
    firstName: "Priya",
    lastName: "Sharma",
    locale: "hi-IN",
    // Checked out with a phone number only: every email is a SKIPPED row, never a FAILED one.
    email: null,
    phone: "+919876543210",
    timezone: "Asia/Kolkata",
    address: { address1: "Flat 304, Shanti Apartments", address2: "Gomti Nagar", city: "Lucknow", province: "Uttar Pradesh", province_code: "UP", zip: "226010", country: "India", country_code: "IN" },
    emailMarketing: null,
    smsMarketing: "SUBSCRIBED",
  },
  anjali: {
    key: "anjali",
    firstName: "Anjali",
    lastName: "Nair",
    locale: "ml-IN",
    email: "anjali.nair@example.com",
    phone: "+919447012345",
    timezone: "Asia/Kolkata",
    address: { address1: "41/2210 MG Road", address2: "Ernakulam", city: "Kochi", province: "Kerala", province_code: "KL", zip: "682016", country: "India", country_code: "IN" },
    emailMarketing: "SUBSCRIBED",
    smsMarketing: "NOT_SUBSCRIBED",
  },
  neema: {
    key: "neema",
    firstName: "Neema",
    lastName: "Wanjiru",
    locale: "sw-KE",
    email: "neema.wanjiru@example.com",
    // No phone: SMS updates are SKIPPED for her.
    phone: null,
    timezone: "Africa/Nairobi",
    address: { address1: "Ngong Road, Kilimani", address2: "Apartment 7B", city: "Nairobi", province: null, province_code: null, zip: "00100", country: "Kenya", country_code: "KE" },
    emailMarketing: "SUBSCRIBED",
    smsMarketing: null,
  },
};

export interface Product {
  sku: string;
  title: string;
  variantTitle: string | null;
  /** Shop currency, two decimals. */
  price: string;
  grams: number;
}

export const PRODUCTS = {
  mug: { sku: "MUG-SEA-01", title: "Hand-thrown ceramic mug", variantTitle: "Sea green", price: "28.00", grams: 420 },
  coffee: { sku: "COF-MAL-250", title: "Single-origin coffee beans", variantTitle: "Monsoon Malabar / 250 g", price: "18.50", grams: 270 },
  towels: { sku: "TWL-LIN-2", title: "Linen tea towel set", variantTitle: "Natural / Set of 2", price: "24.00", grams: 300 },
  kettle: { sku: "KTL-BRS-1", title: "Brass pour-over kettle", variantTitle: null, price: "89.00", grams: 950 },
  kikoy: { sku: "KKY-IND-1", title: "Kikoy beach throw", variantTitle: "Indigo", price: "45.00", grams: 500 },
  board: { sku: "BRD-WAL-L", title: "Walnut serving board", variantTitle: "Large", price: "62.00", grams: 1100 },
} satisfies Record<string, Product>;

export type ProductKey = keyof typeof PRODUCTS;

/** Masked for printed logs: the story's contact details never reach a terminal in clear. */
export function maskEmail(email: string | null): string {
  if (!email) return "(no email)";
  const [local, domain] = email.split("@");
  return `${local[0]}${"•".repeat(Math.max(2, local.length - 1))}@${domain}`;
}

export function maskPhone(phone: string | null): string {
  if (!phone) return "(no phone)";
  return `+${"•".repeat(Math.max(2, phone.length - 3))}${phone.slice(-2)}`;
}
