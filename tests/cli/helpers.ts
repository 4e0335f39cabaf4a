/**
 * Shared helpers of the CLI tests: run the real `actionplan` binary, give each test file its own
 * output folder, and compare snapshots the way the reader contract states them.
 */
import { spawn } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CellValue, SheetSnapshot } from "#core/snapshot/types.ts";

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

/** The comparable part of a sheet: values without trailing nulls/empty rows, merges sorted, formulas by cell. */
export interface ComparableSheet {
  name: string;
  values: CellValue[][];
  merged: string[];
  hidden: boolean | "very";
  formulas: Record<string, string>;
}

/** Normalises a snapshot sheet for equality (the reader trims trailing blanks; fixtures may not). */
export function comparable(sheet: SheetSnapshot): ComparableSheet {
  const values = sheet.values.map((row) => {
    const r = row.map((v) => (v === "" ? null : v));
    while (r.length > 0 && r[r.length - 1] === null) r.pop();
    return r;
  });
  while (values.length > 0 && (values[values.length - 1] ?? []).length === 0) values.pop();
  const formulas: Record<string, string> = {};
  sheet.formulas?.forEach((row, r) =>
    row.forEach((f, c) => {
      if (f) formulas[`${r + 1}:${c + 1}`] = f;
    }),
  );
  return {
    name: sheet.name,
    values,
    merged: [...(sheet.merged ?? [])].sort(),
    hidden: sheet.hidden ?? false,
    formulas,
  };
}

/** true when a stderr text carries a stack frame ("    at fn (file:1:2)"). */
export function hasStackFrame(text: string): boolean {
  return /^\s+at\s/m.test(text);
}
