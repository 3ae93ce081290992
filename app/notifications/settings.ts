import { z } from "zod";
import { SHIPPING_STEPS, type ShippingStep } from "./types";

const DEFAULT_STEPS: Record<ShippingStep, boolean> = {
  shipped: true,
  in_transit: false,
  out_for_delivery: true,
  attempted_delivery: true,
  ready_for_pickup: true,
  delivered: true,
  failure: true,
};

const stepsSchema = z
  .object(Object.fromEntries(SHIPPING_STEPS.map((s) => [s, z.boolean().default(DEFAULT_STEPS[s])])) as Record<
    ShippingStep,
    z.ZodDefault<z.ZodBoolean>
  >)
  .default(DEFAULT_STEPS);

/** Per-shop settings, stored as JSON on the Shop row; missing keys take their defaults. */
export const shopSettingsSchema = z.object({
  sender: z
    .object({
      fromName: z.string().max(80).nullable().default(null),
      replyTo: z.string().email().nullable().default(null),
    })
    .default({ fromName: null, replyTo: null }),
  shipping: z
    .object({
      enabled: z.boolean().default(true),
      steps: stepsSchema,
      channels: z.array(z.enum(["email", "sms", "whatsapp"])).min(1).default(["email"]),
      sendForCancelledOrders: z.boolean().default(false),
      sendForTestOrders: z.boolean().default(false),
    })
    .default({
      enabled: true,
      steps: DEFAULT_STEPS,
      channels: ["email"],
      sendForCancelledOrders: false,
      sendForTestOrders: false,
    }),
});

export type ShopSettings = z.infer<typeof shopSettingsSchema>;

/** Settings with every default applied. */
export function defaultSettings(): ShopSettings {
  return shopSettingsSchema.parse({});
}

/** Parse stored settings JSON; unknown or invalid stored values fall back to defaults key by key. */
export function parseSettings(json: string | null | undefined): ShopSettings {
  let raw: unknown = {};
  try {
    raw = json ? JSON.parse(json) : {};
  } catch {
    raw = {};
  }
  const parsed = shopSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : defaultSettings();
}
