import { spawn, type ChildProcess } from "node:child_process";

/**
 * Start a worker in its own OS process, on this test worker's database. `script` picks another entry,
 * e.g. tests/support/virtual-worker-process.ts (a worker on a virtual clock).
 */
export async function spawnWorker(extraEnv: Record<string, string> = {}, opts: { script?: string } = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", opts.script ?? "tests/support/worker-process.ts"], {
    env: { ...process.env, NODE_ENV: "test", HERALD_LOG_LEVEL: "error", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += String(d)));
  outputs.set(child, "");
  child.stdout!.on("data", (d) => outputs.set(child, outputs.get(child) + String(d)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${stderr}`)), 20_000);
    child.stdout!.on("data", (d) => {
      if (String(d).includes("worker-ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`worker exited with ${code}: ${stderr}`)));
  });
  return child;
}

const outputs = new WeakMap<ChildProcess, string>();

/** Everything a worker started by spawnWorker printed on stdout so far (markers such as "worker-hung"). */
export function workerOutput(child: ChildProcess): string {
  return outputs.get(child) ?? "";
}

/** kill -9: no cleanup, no finally blocks, exactly like a crash. */
export async function killHard(child: ChildProcess): Promise<void> {
  // A process killed by a signal has signalCode set and exitCode null: it is gone all the same.
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}
