/**
 * `.data/start.json`: written by a persistent `npm start` while it runs, so that a second start
 * refuses (one DynamoDB Local per data folder) and `npm run nightly` uses the running database
 * instead of opening the same files with a second JVM.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export interface StartState {
  pid: number;
  apiUrl: string;
  webUrl: string;
  dynamoEndpoint: string;
  tableName: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as { code?: string }).code === "EPERM";
  }
}

/** The state of a running start (a stale file from a killed run reads as none). */
export function readRunning(path: string): StartState | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const state = JSON.parse(readFileSync(path, "utf8")) as StartState;
    return typeof state.pid === "number" && state.pid !== process.pid && alive(state.pid) ? state : undefined;
  } catch {
    return undefined;
  }
}

export function writeState(path: string, state: StartState): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(state, null, 2)}\n`);
}

/** Removes the file if it is ours. */
export function clearState(path: string): void {
  try {
    const state = JSON.parse(readFileSync(path, "utf8")) as StartState;
    if (state.pid === process.pid) rmSync(path, { force: true });
  } catch {
    // Already gone.
  }
}
