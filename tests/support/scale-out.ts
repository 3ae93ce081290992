import { BullQueue } from "../../app/jobs/bullmq-queue.server";

// The scale-out run of the integration suite (HERALD_TEST_REDIS_URL set, see tests/scripts/test-all.sh):
// every test file drives one BullMQ queue of its own, under a Redis prefix no other test worker
// uses, emptied before each test. Its clock is the test's (virtual or real), and Redis's own
// timer never promotes a delayed job: runAllJobs() does, by that clock.

/** The Redis the suite runs its queue on, or undefined for the embedded (database) queue. */
export const testRedisUrl = process.env.HERALD_TEST_REDIS_URL || undefined;

let clock: () => Date = () => new Date();
let shared: BullQueue | undefined;

/** This test file's BullMQ queue. */
export function scaleOutQueue(): BullQueue {
  if (!testRedisUrl) throw new Error("scaleOutQueue() needs HERALD_TEST_REDIS_URL");
  shared ??= new BullQueue({
    url: testRedisUrl,
    prefix: `herald-test-w${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}`,
    now: () => clock(),
    manualTime: true,
  });
  return shared;
}

/** The clock the queue reads runAt against (useVirtualTime/useRealTime set it). */
export function setScaleOutClock(now: () => Date): void {
  clock = now;
}

export async function resetScaleOutQueue(): Promise<void> {
  await scaleOutQueue().obliterate();
}

export async function closeScaleOutQueue(): Promise<void> {
  if (!shared) return;
  await shared.obliterate();
  await shared.close();
  shared = undefined;
}
