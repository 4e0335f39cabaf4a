/**
 * Shared helpers of the CLI tests: run the real `actionplan` binary, give each test file its own
 * output folder, and compare snapshots the way the reader contract states them.
 */
import { spawn } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = join(REPO_ROOT, "cli", "bin.mjs");

/** A fresh folder under tests/output for one test file (files in parallel never share one). */
export async function outputDir(name: string): Promise<string> {
  const dir = join(REPO_ROOT, "tests", "output", `${name}-${process.pid}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node cli/bin.mjs <args>` in `cwd` and collects its output. */
export function runCli(
  args: readonly string[],
  cwd: string = REPO_ROOT,
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, ACTIONPLAN_DEBUG: "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

export { comparable } from "#tests/fixtures/compare.ts";
export type { ComparableSheet } from "#tests/fixtures/compare.ts";

/** true when a stderr text carries a stack frame ("    at fn (file:1:2)"). */
export function hasStackFrame(text: string): boolean {
  return /^\s+at\s/m.test(text);
}
