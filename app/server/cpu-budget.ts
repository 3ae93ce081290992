import { setTimeout as sleep } from "node:timers/promises";

/**
 * A cap on the CPU a process takes, as a share of one core, kept by the process itself: it calls
 * wait() before each unit of work, and wait() returns once the CPU spent so far is within the
 * share. A token bucket: the process earns `share` ms of CPU per ms of wall time, up to a burst,
 * and pays for what it spent (all its threads) since the last wait(). Without a cap wait() returns
 * at once.
 *
 * The embedded default's worker process keeps to one while its web process is busy with webhooks
 * (see main.ts): on a small machine a worker with a backlog otherwise takes a whole core, and the
 * web process waits for a core before it can accept and acknowledge a webhook.
 */
export class CpuBudget {
  private share: number | null = null;
  /** ms of CPU the process may still spend; negative when it owes. */
  private tokens = 0;
  private lastWall: number;
  private lastCpu: number;
  private readonly burstMs: number;
  private readonly now: () => number;
  private readonly cpuMs: () => number;
  private readonly pause: (ms: number) => Promise<unknown>;

  constructor(
    opts: {
      /** Most CPU (ms) the process may spend at once before it must wait (default 10). */
      burstMs?: number;
      now?: () => number;
      /** CPU time the process has used, ms (default: process.cpuUsage(), user plus system). */
      cpuMs?: () => number;
      sleep?: (ms: number) => Promise<unknown>;
    } = {},
  ) {
    this.burstMs = opts.burstMs ?? 10;
    this.now = opts.now ?? (() => performance.now());
    this.cpuMs = opts.cpuMs ?? processCpuMs;
    this.pause = opts.sleep ?? sleep;
    this.lastWall = this.now();
    this.lastCpu = this.cpuMs();
  }

  /** Keep to `share` of one core from now on (> 0), or to none (null). */
  limit(share: number | null): void {
    if (share !== null && !(share > 0)) throw new RangeError(`A CPU share must be above 0 (got ${share})`);
    this.settle();
    if (share !== null && this.share === null) this.tokens = this.burstMs;
    this.share = share;
  }

  /** The share kept to now, or null. */
  get limited(): number | null {
    return this.share;
  }

  /** Resolves once the process is within its share (at once when it has none). */
  async wait(): Promise<void> {
    for (;;) {
      this.settle();
      if (this.share === null || this.tokens >= 0) return;
      await this.pause(Math.min(-this.tokens / this.share, 100));
    }
  }

  private settle(): void {
    const wall = this.now();
    const cpu = this.cpuMs();
    if (this.share !== null) this.tokens = Math.min(this.burstMs, this.tokens + (wall - this.lastWall) * this.share - (cpu - this.lastCpu));
    this.lastWall = wall;
    this.lastCpu = cpu;
  }
}

/** CPU time this process has used (all its threads, user plus system), ms. */
export function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
