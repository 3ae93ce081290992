import { setTimeout as sleep } from "node:timers/promises";
import { env } from "../env.server";

// Batch calls to an email provider are paced a little under its request rate. Resend allows 2
// requests per second per team by default and counts them in a sliding one-second window, at the
// moment a request reaches it: a third call that arrives within 1000 ms of the call two before is
// answered 429, and that batch then waits a whole second (retry-after) for its retry. Two rules:
//   - spacing: one interval after the previous call really started, with a 2% headroom (511 ms at
//     2 per second);
//   - window: no call within one second of the answer to the call `rate` places before it. The
//     provider counted that call before it answered, so a call that reached it late (a busy network
//     or machine) pushes the next ones instead of meeting a 429. On a quiet day it costs the part
//     of a call's round trip beyond the headroom.

/** The share of the provider's rate Herald uses: the one place the headroom is set. */
const BATCH_RATE_SHARE = 0.98;

/** The provider's rate-limit window (Resend: requests per second). */
const WINDOW_MS = 1000;

/** Time between two batch calls to one provider account (HERALD_EMAIL_BATCH_RPS, with the headroom). */
export function batchIntervalMs(): number {
  return Math.ceil(1000 / (env().HERALD_EMAIL_BATCH_RPS * BATCH_RATE_SHARE));
}

/** Calls the provider accepts within one window. */
function callsPerWindow(): number {
  return Math.max(1, Math.floor(env().HERALD_EMAIL_BATCH_RPS * (WINDOW_MS / 1000)));
}

/** Wall-clock milliseconds that no virtual Date in a test can move. */
const realNow = () => performance.timeOrigin + performance.now();

// Each provider account's calls, one after the other: when the last one started, the answers to the
// latest ones (null while in flight), and the queue of callers waiting for their turn. The limit is
// per account (every shop sends through Herald's one API key), so every fan-out of the process
// shares it.
type Lane = { lastStart: number; answers: Array<{ at: number | null }>; turns: Promise<void> };
const lanes = new Map<string, Lane>();

function laneOf(account: string): Lane {
  let lane = lanes.get(account);
  if (!lane) {
    lane = { lastStart: 0, answers: [], turns: Promise.resolve() };
    lanes.set(account, lane);
  }
  return lane;
}

/**
 * Wait for the account's next batch-call slot (see the rules above), never before `notBefore` (epoch
 * ms: a slot handed over by an earlier run, possibly in another process). Resolves when the call may
 * start, with the function to call when its answer arrives.
 */
export function waitForBatchSlot(account: string, notBefore = 0): Promise<() => void> {
  const lane = laneOf(account);
  const turn = lane.turns.then(async () => {
    const interval = batchIntervalMs();
    // A hand-over from a machine with a skewed clock must not stall the fan-out.
    let due = Math.max(lane.lastStart + interval, Math.min(notBefore, realNow() + interval));
    const windowStart = lane.answers.at(-callsPerWindow());
    if (windowStart?.at) due = Math.max(due, windowStart.at + WINDOW_MS);
    // A timer can fire a millisecond early by this clock (Node counts its timers in whole
    // milliseconds of the event loop's own time): wait again until the slot has really come.
    for (let wait = due - realNow(); wait > 0; wait = due - realNow()) await sleep(wait);
    lane.lastStart = realNow();
    const answer = { at: null as number | null };
    lane.answers.push(answer);
    if (lane.answers.length > callsPerWindow()) lane.answers.shift();
    return () => {
      answer.at = realNow();
    };
  });
  lane.turns = turn.then(() => undefined);
  return turn;
}

/** The account's next free slot (epoch ms), to hand over to the run that sends the next batch. */
export function nextBatchSlot(account: string): number {
  const lane = lanes.get(account);
  if (!lane) return 0;
  const windowStart = lane.answers.at(-callsPerWindow());
  return Math.max(lane.lastStart + batchIntervalMs(), windowStart?.at ? windowStart.at + WINDOW_MS : 0);
}

/** The provider asked to wait (429 retry-after): the account's next call is not before `until` (epoch ms). */
export function deferBatchSlot(account: string, until: number): void {
  const lane = laneOf(account);
  lane.lastStart = Math.max(lane.lastStart, until - batchIntervalMs());
}
