// The pure notification core's public surface: the worker and the admin screens import from here.
export * from "./types";
export { defaultSettings, parseSettings, shopSettingsSchema, type ShopSettings } from "./settings";
export { decide, nextWakeup, assessRisk } from "./decide";
export { staleReason, type QueuedMessage } from "./stale";
export { decideShipping, fulfillmentSubject } from "./shipping/decide";
export { STEP_RANK, stepForStatus, statusRank } from "./shipping/steps";
export { currentCarrierStatus } from "./shipping/current-status";
export { decideDelay } from "./delay/decide";
export { delayConditions, type DelayCondition } from "./delay/conditions";
export { DELAY_PRIORITY, entityOf, isDelayStep } from "./delay/subjects";
export { dedupKey } from "./dedup";
export { resolveLocale, textDirection } from "./locale";
export { countSegments, type SegmentCount } from "./segments";
export { renderMessage, buildVariables, type RenderRequest } from "./render";
export { contactUrl } from "./variables";
export { AVAILABLE_LOCALES, DEFAULT_TEMPLATES, STEPS_BY_TRIGGER, getDefaultTemplate } from "./templates";
export type { ChannelTemplate, EmailTemplate, SmsTemplate, StepTemplates, LayoutLabels, LocaleTemplates } from "./templates";
export * as businessTime from "./time";
