// A real BullMQ worker process for crash tests (scale-out):
//   node --import tsx tests/support/bullmq-worker-process.ts
// HERALD_TEST_REDIS_URL and HERALD_TEST_QUEUE_PREFIX name the queue to work on. Its locks last 1 s
// (renewed while it lives), so the job of a worker killed with kill -9 stalls within a second
// and the stalled-job check of another worker takes it over.
import { BullQueue } from "../../app/jobs/bullmq-queue.server";
import { handlers } from "../../app/jobs/handlers.server";
import { setQueue } from "../../app/jobs/queue.server";

const q = new BullQueue({
  url: process.env.HERALD_TEST_REDIS_URL!,
  prefix: process.env.HERALD_TEST_QUEUE_PREFIX!,
  lockDurationMs: 1_000,
  stalledIntervalMs: 500,
});
// Jobs this worker enqueues (deliveries after an evaluation) go to the same queue.
setQueue(q);
q.start(handlers, { concurrency: 1 });
process.stdout.write("worker-ready\n");
