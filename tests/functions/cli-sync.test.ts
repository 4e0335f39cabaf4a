/**
 * `actionplan sync` end to end: a real .xlsx (ExcelJS) read by the CLI, validated by the core,
 * pushed over HTTP to the local stack; the sync sheet decides what a second sync sends.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "#cli/main.ts";
import type { RowResult } from "#core/sync/protocol.ts";
import { rowHash } from "#core/sync/hash.ts";
import { syncSheetValues, SYNC_SHEET_NAME } from "#core/sync/sync-sheet.ts";
import type { SyncState } from "#core/sync/state.ts";
import { bigDataPlan } from "#tests/fixtures/seed-workbook.ts";
import { FIXTURE_OUTPUT_DIR, writeXlsx } from "#tests/fixtures/write-xlsx.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";

const PLAN = "cli-plan";
const stack = useLocalStack();
const dir = join(FIXTURE_OUTPUT_DIR, "..", `cli-sync-${process.pid}`);
let token = "";

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  await stack().store.createPlan(PLAN, "CLI", "cli-user");
  token = await stack().issuer.mintToken({ oid: "cli-user" });
});

async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd: dir });
  return { code, out, err };
}

/** `sync <file> --plan PLAN --api <the local stack> --token <token>`. */
function syncToStack(file: string, bearer: string): string[] {
  return ["sync", file, "--plan", PLAN, "--api", stack().apiUrl, "--token", bearer];
}

describe("actionplan sync", () => {
  it("pushes every row of a never-synced workbook, then only what changed once the sync sheet records it", async () => {
    // Prepare
    await writeXlsx(bigDataPlan(), join(dir, "plan.xlsx"));
    // Act: first sync
    const first = await runCli([...syncToStack("plan.xlsx", token), "--json"]);
    const report = JSON.parse(first.out) as {
      sent: number;
      counts: Record<string, number>;
      results: RowResult[];
    };
    // Assess
    expect(first.err).toBe("");
    expect(report.sent).toBeGreaterThan(0);
    expect(report.counts["applied"]).toBe(report.sent);
    // Prepare: the workbook now carries its sync state (as the add-in writes it)
    const stored = await stack().store.listRows(PLAN);
    const state: SyncState = {
      planId: PLAN,
      apiUrl: stack().apiUrl,
      rows: Object.fromEntries(
        stored.map((r) => [`${r.entity}:${r.key}`, { version: r.version, hash: rowHash(r.values) }]),
      ),
    };
    await writeXlsx(
      [...bigDataPlan(), { name: SYNC_SHEET_NAME, values: syncSheetValues(state), hidden: "very" }],
      join(dir, "synced.xlsx"),
    );
    // Act: second sync, the API URL read from the sync sheet
    const second = await runCli(["sync", "synced.xlsx", "--plan", PLAN, "--token", token, "--json"]);
    // Assess
    expect(JSON.parse(second.out)).toMatchObject({ sent: 0, counts: { applied: 0 } });
    expect(second.code).toBe(0);
  });

  it.each([
    ["no --plan", ["sync", "plan.xlsx"], /--plan/],
    ["no token", ["sync", "plan.xlsx", "--plan", PLAN, "--api", "http://127.0.0.1:9"], /token/],
    [
      "a missing file",
      ["sync", "nope.xlsx", "--plan", PLAN, "--api", "http://127.0.0.1:9", "--token", "t"],
      /nope\.xlsx/,
    ],
  ])("exits 2 with one line for %s", async (_name, args, message) => {
    const saved = process.env["ACTIONPLAN_TOKEN"];
    delete process.env["ACTIONPLAN_TOKEN"];
    const result = await runCli(args);
    if (saved !== undefined) process.env["ACTIONPLAN_TOKEN"] = saved;
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 naming the refusal when the API refuses the token", async () => {
    const result = await runCli(syncToStack("plan.xlsx", "forged.token.value"));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/401/);
  });
});
