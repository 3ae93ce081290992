import { decideDelay } from "./delay/decide";
import { applyReach } from "./reach";
import { decideShipping } from "./shipping/decide";
import type { DecisionInput, Intent } from "./types";

export { nextWakeup } from "./delay/decide";
export { assessRisk } from "./delay/risk";
export { staleReason } from "./stale";

/**
 * Every message due for this order now, across all triggers: shipping updates first, then delay notices.
 * Pure: the worker persists the intents. Pair it with nextWakeup(input) to schedule the next timed check.
 */
export function decide(input: DecisionInput): Intent[] {
  return [
    ...preferChannels(applyReach(decideShipping(input), input), input.settings.shipping),
    ...preferChannels(applyReach(decideDelay(input), input), input.settings.delay),
  ];
}

/**
 * With channelMode "first_available", each message (same subject and step) goes on the first
 * listed channel the customer can be reached on: one not skipped (no address, no consent, a
 * suppression: see applyReach). The other channels' intents are dropped rather than recorded, since
 * nothing was meant to go there. If no channel works, all are kept so the log shows why (no email,
 * no phone, suppressed_sms_stop...).
 */
export function preferChannels(intents: Intent[], policy: { channels: readonly string[]; channelMode: "all" | "first_available" }): Intent[] {
  if (policy.channelMode !== "first_available") return intents;
  const groups = new Map<string, Intent[]>();
  for (const intent of intents) {
    const key = `${intent.subject}|${intent.step}`;
    groups.set(key, [...(groups.get(key) ?? []), intent]);
  }
  const rank = (i: Intent) => policy.channels.indexOf(i.channel);
  const kept = new Set<Intent>();
  for (const group of groups.values()) {
    const reachable = group.filter((i) => !i.skipReason).sort((a, b) => rank(a) - rank(b));
    for (const i of reachable.length ? reachable.slice(0, 1) : group) kept.add(i);
  }
  return intents.filter((i) => kept.has(i));
}
