/** The Admin API version Herald is written against; shopify.app.toml pins the same for webhooks. */
export const API_VERSION_STRING = "2026-07";
