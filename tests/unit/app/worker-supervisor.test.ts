import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { superviseWorker, type SupervisedWorker } from "../../../app/server/worker-child";

// The web process tells its worker process when a job is due and whether it is busy; a worker
// started again after a crash hears that the web process is still busy.
let supervised: SupervisedWorker | undefined;
afterEach(async () => {
  await supervised?.stop();
  delete process.env.HERALD_TEST_HEARD;
});

function heardFile(): { lines: () => string[]; file: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "herald-heard-")), "heard.txt");
  fs.writeFileSync(file, "");
  return { file, lines: () => fs.readFileSync(file, "utf8").split("\n").filter(Boolean) };
}

async function until<T>(what: string, probe: () => T | undefined, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const start = (file: string) => {
  process.env.HERALD_TEST_HEARD = file;
  return superviseWorker({ dev: false, entry: "tests/support/listening-worker.ts", execArgv: ["--import", "tsx"] });
};

describe("the supervised worker process", () => {
  it("hears that a job is due and how busy the web process is, in the order they were said", async () => {
    const heard = heardFile();
    supervised = start(heard.file);
    const pid = await until("the worker", () => heard.lines().find((l) => l.endsWith(" started"))?.split(" ")[0]);
    await sleep(200); // past its "listening", which changes nothing while the web process is calm
    supervised.webBusy(true);
    supervised.wake();
    supervised.webBusy(false);
    await until("three messages", () => (heard.lines().length >= 4 ? true : undefined));
    expect(heard.lines()).toEqual([`${pid} started`, `${pid} webBusy true`, `${pid} wake`, `${pid} webBusy false`]);
  });

  it("tells a worker started after a crash that the web process is busy", async () => {
    const heard = heardFile();
    supervised = start(heard.file);
    const first = await until("the worker", () => heard.lines().find((l) => l.endsWith(" started"))?.split(" ")[0]);
    supervised.webBusy(true);
    await until("the first worker to hear it", () => (heard.lines().includes(`${first} webBusy true`) ? true : undefined));
    process.kill(Number(first), "SIGKILL");
    const second = await until("a new worker", () => heard.lines().find((l) => l.endsWith(" started") && !l.startsWith(`${first} `))?.split(" ")[0]);
    await until("the new worker to hear it", () => (heard.lines().includes(`${second} webBusy true`) ? true : undefined));
    expect(heard.lines().filter((l) => l.startsWith(`${second} `))).toEqual([`${second} started`, `${second} webBusy true`]);
  });
});
