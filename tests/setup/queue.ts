import { afterAll, beforeEach } from "vitest";

// With HERALD_TEST_REDIS_URL the integration suite runs on BullMQ (scale-out): the process's queue
// is this test file's own BullMQ queue (tests/support/scale-out.ts), emptied before each test.
// Without it nothing happens here: the embedded database queue is the default.
if (process.env.HERALD_TEST_REDIS_URL) {
  const { closeScaleOutQueue, resetScaleOutQueue, scaleOutQueue, setScaleOutClock } = await import("../support/scale-out");
  const { setQueue } = await import("../../app/jobs/queue.server");
  beforeEach(async () => {
    setScaleOutClock(() => new Date());
    setQueue(scaleOutQueue());
    await resetScaleOutQueue();
  });
  afterAll(async () => {
    setQueue(undefined);
    await closeScaleOutQueue();
  });
}
