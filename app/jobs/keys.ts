// Job keys: one job per cause. Callers and the sweeper derive them the same way, so a job that
// is enqueued again (after a crash, by the sweeper) is the same job, not a second one.

/** The job that processes one recorded webhook event. */
export const eventJobKey = (eventId: string) => `event:${eventId}`;

/** The job that hands one Message row to its channel. */
export const deliverJobKey = (messageId: string) => `deliver:${messageId}`;

/** A merchant's retry of a FAILED message: a new job (the first one is done), once per failed attempt. */
export const retryDeliverJobKey = (messageId: string, attempts: number) => `deliver:${messageId}:retry:${attempts}`;

/** A merchant's replay of a FAILED webhook event: a new job for each replay. */
export const replayEventJobKey = (eventId: string, replayedAt: Date) => `event:${eventId}:replay:${replayedAt.getTime()}`;

/** The job that confirms one back-in-stock sign-up. */
export const confirmJobKey = (subscriptionId: string) => `bis-confirm:${subscriptionId}`;

/** The job that confirms the email or phone a repeat sign-up added to a waiting subscription (once each). */
export const confirmFillJobKey = (subscriptionId: string, channel: "email" | "sms") => `bis-confirm:${subscriptionId}:${channel}`;

/** Run `run` (0, 1, ...; Restock.run) of a restock's fan-out. */
export const fanoutJobKey = (restockId: string, run: number) => `bis-fanout:${restockId}:${run}`;

/** Run `run` (0, 1, ...) of the retention job of day `date` (UTC, YYYY-MM-DD). */
export const retentionJobKey = (date: string, run: number) => `retention:${date}:${run}`;

/** A shop's digest for one local date, due at `at` (the shop's digest hour in its time zone then). */
export const digestJobKey = (shop: string, date: string, at: Date) => `digest:${shop}:${date}:${at.toISOString()}`;
