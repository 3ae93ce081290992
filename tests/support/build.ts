import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

// Shared by the tools that run Herald's production build as a real process: the demo, the
// benchmarks and soak, and the browser tests.

const ROOT = process.cwd();
const OUTPUTS = [path.join("build", "main.js"), path.join("build", "server", "index.js")];
const SOURCES = ["app", "public", "vite.config.ts", "package.json", "tsconfig.json", path.join("prisma", "schema.prisma")];

/** build/main.js or build/server/index.js is missing, or older than anything it is built from. */
export function buildIsStale(): boolean {
  const outputs = OUTPUTS.map((f) => path.join(ROOT, f));
  if (!outputs.every((f) => fs.existsSync(f))) return true;
  const built = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target).reduce((max, entry) => Math.max(max, newestMtime(path.join(target, entry))), stat.mtimeMs);
}

/** Run `npm run build`; throws with its output when it fails. */
export function build(): void {
  const result = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) {
    throw new Error(`npm run build failed (exit ${result.status ?? result.signal}):\n${(result.stdout ?? "").slice(-3000)}\n${(result.stderr ?? "").slice(-3000)}`);
  }
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
