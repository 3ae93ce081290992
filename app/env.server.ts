import { z } from "zod";
import { databaseKind } from "./db/url";

const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional());
const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).optional());

/** Every variable Herald reads. README's "Environment" table documents the same list. */
const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number({ error: "must be a port number (1-65535)" }).int().min(1).max(65535).default(3000),
    SHOPIFY_API_KEY: z.string({ error: "is required (the app's client id from the Partner Dashboard)" }).min(1),
    SHOPIFY_API_SECRET: z.string({ error: "is required (the app's client secret)" }).min(1),
    SHOPIFY_APP_URL: z.string({ error: "is required (the public https URL Shopify reaches Herald on)" }).url(),
    SCOPES: z.string().default("read_orders,read_fulfillments,read_merchant_managed_fulfillment_orders,read_customers,read_products,read_inventory,read_locales,write_app_proxy"),
    SHOPIFY_API_BASE_URL: optionalUrl,
    DATABASE_URL: optionalString.refine(
      (v) => {
        try {
          databaseKind(v);
          return true;
        } catch {
          return false;
        }
      },
      { message: "must be unset (SQLite file), file:<path> (SQLite) or postgresql://..." },
    ),
    REDIS_URL: optionalUrl,
    RESEND_API_KEY: optionalString,
    RESEND_BASE_URL: optionalUrl,
    RESEND_WEBHOOK_SECRET: optionalString,
    EMAIL_FROM: z.string().min(3).default("Herald <notifications@herald.local>"),
    TWILIO_ACCOUNT_SID: optionalString,
    TWILIO_AUTH_TOKEN: optionalString,
    TWILIO_FROM: optionalString,
    TWILIO_BASE_URL: optionalUrl,
    HERALD_WORKER: z.enum(["inline", "off"]).default("inline"),
    HERALD_DELAY_SETTLE_SECONDS: z.coerce.number().int().min(0).default(600),
    /** Batch calls per second to the email provider during a back-in-stock fan-out (Resend's default limit: 2). */
    HERALD_EMAIL_BATCH_RPS: z.coerce.number().positive().max(100).default(2),
    HERALD_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  })
  .superRefine((env, ctx) => {
    const twilio = [env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, env.TWILIO_FROM];
    if (twilio.some(Boolean) && !twilio.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["TWILIO_ACCOUNT_SID"],
        message: "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM must be set together",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Parse an environment; throws one error that names every missing or wrong variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`);
  throw new Error(`Herald's configuration is invalid:\n${lines.join("\n")}\nSee README.md, "Environment".`);
}

let cached: Env | undefined;

/** The process environment, checked once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Forget the checked environment (tests change process.env between cases). */
export function resetEnv(): void {
  cached = undefined;
}
