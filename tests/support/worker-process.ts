// A real worker process for crash tests: `node --import tsx tests/support/worker-process.ts`.
import { startWorker } from "../../app/jobs/worker.server";

startWorker({ concurrency: 1, pollMs: 25 });
process.stdout.write("worker-ready\n");
