import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fulfillmentPayload, orderPayload } from "../../support/payloads";
import { ensureHeraldBuild, startHeraldStack, type HeraldStack } from "../../support/browser/herald";

// `npm start` on the embedded default: the web process starts one worker process beside it,
// restarts it when it dies and takes it down with itself. No browser needed, but it runs the
// production build like the browser tests, so it lives with them.

/** Pids of the live children of `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return Number(fields[1]) === pid && fields[0] !== "Z";
      } catch {
        return false;
      }
    })
    .map(Number);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

let stack: HeraldStack;

beforeAll(async () => {
  ensureHeraldBuild();
  stack = await startHeraldStack({ name: "worker-process" });
});
afterAll(() => stack?.close());

describe("the embedded default's worker process", () => {
  it("sends from a worker process beside the web process, and a new one after the first is killed", async () => {
    const web = stack.herald.process.pid!;
    await until("one worker process", () => childrenOf(web).length === 1);
    const [first] = childrenOf(web);

    await stack.webhook("orders/create", orderPayload());
    await stack.webhook("fulfillments/create", fulfillmentPayload());
    await until("the shipped email", () => stack.fakes.resend.emails.length === 1);

    process.kill(first, "SIGKILL");
    // One reading of /proc: two could see the killed worker still alive, then no child at all.
    await until("a new worker process", () => {
      const children = childrenOf(web);
      return children.length === 1 && children[0] !== first;
    });
    expect(stack.herald.output(), stack.herald.output().slice(-2000)).toContain("\"event\":\"worker.exited\"");

    await stack.webhook("orders/create", orderPayload({ id: 5002, name: "#1002", email: "bob.smith@example.com", contact_email: "bob.smith@example.com" }));
    await stack.webhook("fulfillments/create", fulfillmentPayload({ id: 7002, order_id: 5002, name: "#1002.1", tracking_number: "1Z999AA10123456785", tracking_numbers: ["1Z999AA10123456785"] }));
    await until("the second shipped email", () => stack.fakes.resend.emails.length === 2);
    expect(stack.fakes.resend.emails.map((e) => e.to[0]).sort()).toEqual(["ana.garcia@example.com", "bob.smith@example.com"]);
  });

  it("keeps an idle connection open longer than Node's 5 s default, so a sender reusing it is not reset", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; port: number }>((resolve, reject) => {
        http
          .get(`${stack.herald.url}/healthz`, { agent }, (res) => {
            const port = res.socket.localPort!;
            res.resume();
            res.on("end", () => resolve({ status: res.statusCode!, port }));
          })
          .on("error", reject);
      });
    try {
      const first = await get();
      await sleep(6_000);
      const second = await get();
      expect(second).toEqual({ status: 200, port: first.port });
    } finally {
      agent.destroy();
    }
  });

  // On two cores or fewer the worker keeps to a quarter of one while the web process is busy.
  it.runIf(os.availableParallelism() <= 2)("keeps the worker to a quarter of a core while webhooks pour in, and lifts the cap once they stop", async () => {
    const from = stack.herald.output().length;
    const said = (text: string) => stack.herald.output().slice(from).includes(text);
    const payloads = Array.from({ length: 1_000 }, (_, i) => orderPayload({ id: 9000 + i, name: `#${9000 + i}` }));
    const results = await Promise.all(payloads.map((payload) => stack.webhook("orders/create", payload)));
    // On a loaded machine the last of 1,000 concurrent requests can wait past the sender's 5 s
    // timeout; Shopify would deliver those again, and so does this test, one at a time.
    const redelivered = [];
    for (const [i, result] of results.entries()) {
      if (result.status !== 200) redelivered.push(await stack.webhook("orders/create", payloads[i]));
    }
    expect(redelivered.filter((r) => r.status !== 200)).toEqual([]);
    await until("the cap", () => said('"event":"worker.cpu_share","share":0.25'));
    await until("the cap lifted", () => said('"event":"worker.cpu_share","share":null'));
  });

  it("leaves no worker behind when the web process is killed outright", async () => {
    const web = stack.herald.process.pid!;
    await until("one worker process", () => childrenOf(web).length === 1);
    const [worker] = childrenOf(web);
    process.kill(web, "SIGKILL");
    await until("the worker to exit", () => !alive(worker), 15_000);
  });
});
