// The pure notification core's public surface: the worker and the admin screens import from here.
export * from "./types";
export { defaultSettings, parseSettings, shopSettingsSchema, type ShopSettings } from "./settings";
export { decide } from "./decide";
export { decideShipping, staleReason, fulfillmentSubject } from "./shipping/decide";
export { STEP_RANK, stepForStatus, statusRank } from "./shipping/steps";
export { currentCarrierStatus } from "./shipping/current-status";
export { dedupKey } from "./dedup";
export { resolveLocale, textDirection } from "./locale";
export { countSegments, type SegmentCount } from "./segments";
export { renderMessage, buildVariables, type RenderRequest } from "./render";
export { AVAILABLE_LOCALES, DEFAULT_TEMPLATES, getDefaultTemplate } from "./templates";
export type { ChannelTemplate, EmailTemplate, SmsTemplate, LayoutLabels, LocaleTemplates } from "./templates";
