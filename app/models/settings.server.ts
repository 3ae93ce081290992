import { db, type Tx } from "../db.server";
import { transaction } from "../db/transaction.server";
import { env } from "../env.server";
import { scheduleNextDigest } from "../pipeline/digest.server";
import { parseSettings, type ShopSettings } from "../notifications/settings";
import { applyForm, type FieldError } from "../notifications/settings-form";

// Reading and writing one shop's settings (the Shop row's JSON column). Writes keep keys this
// version of the schema does not know, so a section another feature stores is never dropped.

function storedObject(json: string | null | undefined): Record<string, unknown> {
  try {
    const raw: unknown = json ? JSON.parse(json) : {};
    return raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function updateSettings(
  shop: string,
  change: (current: ShopSettings) => { ok: true; settings: ShopSettings } | { ok: false; errors: Record<string, FieldError> },
  saved?: (tx: Tx) => Promise<void>,
): Promise<{ ok: true; settings: ShopSettings } | { ok: false; errors: Record<string, FieldError> }> {
  return transaction(async (tx) => {
    const row = await tx.shop.findUnique({ where: { domain: shop }, select: { settings: true } });
    if (!row) return { ok: false as const, errors: { form: { code: "invalid" as const } } };
    const result = change(parseSettings(row.settings));
    if (!result.ok) return result;
    await tx.shop.update({ where: { domain: shop }, data: { settings: JSON.stringify({ ...storedObject(row.settings), ...result.settings }) } });
    await saved?.(tx);
    return result;
  });
}

/**
 * Save the settings screen's form for this shop; nothing is written when a field is refused. The
 * staff digest's next run is scheduled in the same transaction, at the hour just saved (switched
 * on, or moved: the job at the old hour then sends nothing).
 */
export function saveSettingsForm(shop: string, values: Record<string, unknown>, now = new Date()) {
  return updateSettings(
    shop,
    (current) => applyForm(current, values),
    (tx) => scheduleNextDigest(shop, now, tx),
  );
}

/** The merchant says the storefront block is (or is not) in their theme. */
export function markStorefrontBlock(shop: string, added: boolean) {
  return updateSettings(shop, (current) => ({ ok: true, settings: { ...current, onboarding: { ...current.onboarding, storefrontBlockAdded: added } } }));
}

export type ChannelState = "provider" | "outbox" | "off";

/**
 * How each channel sends for this shop: email through Resend or the local outbox; SMS through
 * Twilio or the outbox; WhatsApp only with Twilio and at least one approved template mapped.
 */
export async function channelStates(shop: string): Promise<Record<"email" | "sms" | "whatsapp", ChannelState>> {
  const config = env();
  const twilio = Boolean(config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN);
  const whatsappTemplates = twilio ? await db.whatsAppTemplate.count({ where: { shop } }) : 0;
  return {
    email: config.RESEND_API_KEY ? "provider" : "outbox",
    sms: twilio ? "provider" : "outbox",
    whatsapp: twilio && whatsappTemplates > 0 ? "provider" : "off",
  };
}
