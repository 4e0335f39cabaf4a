/**
 * Stops `npm start` when the processes that launched it are gone. `npm start` runs
 * npm → sh -c → tsx → node; a SIGTERM to npm alone reaches sh, which dies without passing it on,
 * leaving tsx and this process (and the JVM) behind. Watching the parent and grandparent pids
 * closes that gap on Linux (/proc); elsewhere only the parent is watched.
 */
import { readFileSync } from "node:fs";

/** The parent pid of `pid` from /proc, or undefined where there is no /proc or it is gone. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/** Calls `onOrphaned` once when the parent or grandparent changes; returns a stop function. */
export function watchOrphaned(onOrphaned: () => void, everyMs = 1000): () => void {
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  const timer = setInterval(() => {
    const reparented = process.ppid !== parent || (grandparent !== undefined && parentOf(parent) !== grandparent);
    if (!reparented) return;
    clearInterval(timer);
    onOrphaned();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
