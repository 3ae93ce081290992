import type Database from "better-sqlite3";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** How often the thread copies the write-ahead log into the database file. */
const CHECKPOINT_EVERY_MS = 50;

// The thread: its own connection to the file, a PASSIVE checkpoint on each tick (it copies what
// no reader still needs, never waits for a lock and never blocks a writer). A checkpoint that
// finds another one running (another process's thread) is skipped.
const THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("busy_timeout = 0");
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
const timer = setInterval(() => {
  try { checkpoint.get(); } catch {}
}, workerData.everyMs);
parentPort.once("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Checkpoints of `connection`'s WAL run in a thread of their own instead of inside a commit.
 * SQLite's automatic checkpoint runs in whichever commit takes the log past 1,000 pages: it copies
 * about 4 MB into the database file and syncs it, a stall of several milliseconds on the event loop
 * of the web process, which is no ack for any webhook meanwhile. Switching checkpoints off instead
 * lets the log grow without end, and every commit then also syncs the file's new size.
 *
 * Returns a function that stops the thread (when the connection closes). A file that is not in
 * WAL mode (or is in memory) keeps SQLite's own checkpoints.
 */
export function checkpointInThread(connection: Database.Database): () => Promise<void> {
  if (connection.memory || String(connection.pragma("journal_mode", { simple: true })).toLowerCase() !== "wal") return async () => {};
  const thread = new Worker(THREAD, {
    eval: true,
    workerData: { file: connection.name, module: createRequire(import.meta.url).resolve("better-sqlite3"), everyMs: CHECKPOINT_EVERY_MS },
  });
  thread.unref();
  connection.pragma("wal_autocheckpoint = 0");
  const exited = new Promise<void>((resolve) => thread.once("exit", () => resolve()));
  // A thread that failed (the file is gone, the module cannot load): SQLite checkpoints again.
  thread.once("error", () => {
    if (connection.open) connection.pragma("wal_autocheckpoint = 1000");
  });
  return () => {
    thread.postMessage("stop");
    return exited;
  };
}
