import { setTimeout as sleep } from "node:timers/promises";
import { env } from "../env.server";

// Batch calls to an email provider are paced a little under its request rate. Resend allows 2
// requests per second per team by default and counts them in a sliding one-second window: calls
// exactly 500 ms apart reach it with a few milliseconds of jitter, and a third call inside any
// 1000 ms is answered 429 (then that batch waits a whole second for its retry). A 2% headroom
// (510 ms at 2 per second) absorbs that jitter for a 2% longer fan-out.

/** The share of the provider's rate Herald uses: the one place the headroom is set. */
const BATCH_RATE_SHARE = 0.98;

/** Time between two batch calls to one provider account (HERALD_EMAIL_BATCH_RPS, with the headroom). */
export function batchIntervalMs(): number {
  return Math.ceil(1000 / (env().HERALD_EMAIL_BATCH_RPS * BATCH_RATE_SHARE));
}

/** Wall-clock milliseconds that no virtual Date in a test can move. */
const realNow = () => performance.timeOrigin + performance.now();

// Each provider account's calls, one after the other: when the last one started, and the queue of
// callers waiting for their turn. The limit is per account (every shop sends through Herald's one API
// key), so every fan-out of the process shares it.
const lanes = new Map<string, { lastStart: number; turns: Promise<void> }>();

/**
 * Wait for the account's next batch-call slot: one interval after the previous call really started
 * (a timer that fires late pushes the next slot, it does not squeeze two calls together), and never
 * before `notBefore` (epoch ms: a slot handed over by an earlier run, possibly in another process).
 * Resolves when the call may start.
 */
export function waitForBatchSlot(account: string, notBefore = 0): Promise<void> {
  let lane = lanes.get(account);
  if (!lane) {
    lane = { lastStart: 0, turns: Promise.resolve() };
    lanes.set(account, lane);
  }
  const current = lane;
  const turn = current.turns.then(async () => {
    const interval = batchIntervalMs();
    // A hand-over from a machine with a skewed clock must not stall the fan-out.
    const due = Math.max(current.lastStart + interval, Math.min(notBefore, realNow() + interval));
    const wait = due - realNow();
    if (wait > 0) await sleep(wait);
    current.lastStart = realNow();
  });
  current.turns = turn;
  return turn;
}

/** The account's next free slot (epoch ms), to hand over to the run that sends the next batch. */
export function nextBatchSlot(account: string): number {
  const lane = lanes.get(account);
  return lane ? lane.lastStart + batchIntervalMs() : 0;
}

/** The provider asked to wait (429 retry-after): the account's next call is not before `until` (epoch ms). */
export function deferBatchSlot(account: string, until: number): void {
  const lane = lanes.get(account);
  if (lane) lane.lastStart = Math.max(lane.lastStart, until - batchIntervalMs());
  else lanes.set(account, { lastStart: until - batchIntervalMs(), turns: Promise.resolve() });
}
