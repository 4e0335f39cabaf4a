/**
 * `actionplan sync` end to end: a real .xlsx (ExcelJS) read by the CLI, validated by the core,
 * pushed over HTTP to the local stack; the sync sheet and the CLI's sidecar
 * (`<file>.actionplan-sync.json`) decide what a second sync sends.
 */
import { mkdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "#cli/main.ts";
import { mergeBase, SIDECAR_SUFFIX, type SidecarState } from "#cli/sync-state-file.ts";
import type { RowResult } from "#core/sync/protocol.ts";
import { rowHash } from "#core/sync/hash.ts";
import { syncSheetValues, SYNC_SHEET_NAME } from "#core/sync/sync-sheet.ts";
import type { SyncState } from "#core/sync/state.ts";
import { bigDataPlan, type FixtureSheet } from "#samples/seed-workbook.ts";
import { FIXTURE_OUTPUT_DIR, writeXlsx } from "#samples/write-xlsx.ts";
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
function syncToStack(file: string, bearer: string, plan = PLAN): string[] {
  return ["sync", file, "--plan", plan, "--api", stack().apiUrl, "--token", bearer];
}

/** What `sync --json` prints. */
interface SyncReport {
  sent: number;
  counts: Record<"applied" | "unchanged" | "conflict" | "invalid", number>;
  results: RowResult[];
  stateFile: string | null;
}

let planSeq = 0;
/** A fresh empty plan owned by the token's user, so each case starts from version 0. */
async function freshPlan(label: string): Promise<string> {
  const id = `cli-${label}-${process.pid}-${++planSeq}`;
  await stack().store.createPlan(id, label, "cli-user");
  return id;
}

/** The sync state of `plan` as the add-in would write it into the file, from the cloud's rows. */
async function cloudState(plan: string): Promise<SyncState> {
  const stored = await stack().store.listRows(plan);
  return {
    planId: plan,
    rows: Object.fromEntries(
      stored.map((r) => [`${r.entity}:${r.key}`, { version: r.version, hash: rowHash(r.values) }]),
    ),
  };
}

/** `sync --json` on `file` to `plan`, parsed. */
async function syncJson(
  file: string,
  plan: string,
): Promise<{ code: number; err: string; report: SyncReport }> {
  const result = await runCli([...syncToStack(file, token, plan), "--json"]);
  return { code: result.code, err: result.err, report: JSON.parse(result.out) as SyncReport };
}

/** The seed plan with the title of project DGH (Progetti, first data row) changed, as a person would edit it. */
function planWithEditedProject(suffix = "(rivisto)"): FixtureSheet[] {
  const sheets = bigDataPlan();
  const projects = sheets.find((s) => s.name === "Progetti");
  const row = projects?.values[1];
  if (!row || row[0] !== "DGH") throw new Error("fixture changed: Progetti row 2 is no longer DGH");
  row[2] = `${String(row[2])} ${suffix}`;
  return sheets;
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
    // Act: second sync
    const second = await runCli([...syncToStack("synced.xlsx", token), "--json"]);
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
    // Prepare: a never-synced file (no sidecar), so there is something to send
    await writeXlsx(bigDataPlan(), join(dir, "refused.xlsx"));
    const result = await runCli(syncToStack("refused.xlsx", "forged.token.value"));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/401/);
  });

  it("sends only the edited row on a second sync of a file it synced, with no conflict", async () => {
    // Prepare
    const plan = await freshPlan("edit");
    const file = "edited.xlsx";
    await writeXlsx(bigDataPlan(), join(dir, file));
    const first = await syncJson(file, plan);
    await writeXlsx(planWithEditedProject(), join(dir, file));
    // Act
    const second = await syncJson(file, plan);
    // Assess
    expect(first.report.counts.applied).toBe(first.report.sent);
    expect(first.report.stateFile).toBe(join(dir, `${file}${SIDECAR_SUFFIX}`));
    expect(second.report.sent).toBe(1);
    expect(second.report.counts).toEqual({ applied: 1, unchanged: 0, conflict: 0, invalid: 0 });
    expect(second.report.results.map((r) => [r.entity, r.key, r.version])).toEqual([["project", "DGH", 2]]);
    expect(second.code).toBe(0);
  });

  it("names the saved state file in the human summary and changes nothing in the workbook", async () => {
    // Prepare
    const plan = await freshPlan("human");
    const file = "human.xlsx";
    await writeXlsx(bigDataPlan(), join(dir, file));
    const before = await readFile(join(dir, file));
    // Act
    const result = await runCli([...syncToStack(file, token, plan), "--lang", "en"]);
    // Assess
    expect(result.out).toContain(`sync state saved to ${join(dir, `${file}${SIDECAR_SUFFIX}`)}`);
    expect((await readFile(join(dir, file))).equals(before)).toBe(true);
    expect(result.code).toBe(0);
  });

  it("ignores a sidecar written for another plan and pushes every row from version 0", async () => {
    // Prepare: the file was synced to plan A; now it goes to a new plan B
    const planA = await freshPlan("other-a");
    const planB = await freshPlan("other-b");
    const file = "other.xlsx";
    await writeXlsx(bigDataPlan(), join(dir, file));
    const toA = await syncJson(file, planA);
    // Act
    const toB = await syncJson(file, planB);
    // Assess
    expect(toB.report.sent).toBe(toA.report.sent);
    expect(toB.report.counts).toEqual({ applied: toA.report.sent, unchanged: 0, conflict: 0, invalid: 0 });
    const sidecar = JSON.parse(await readFile(join(dir, `${file}${SIDECAR_SUFFIX}`), "utf8")) as {
      planId: string;
    };
    expect(sidecar.planId).toBe(planB);
  });

  it.each([
    ["text that is not JSON", "{ this is not json"],
    ["JSON of the wrong shape", JSON.stringify({ schema: 1, rows: "nope" })],
    ["an unknown schema", JSON.stringify({ schema: 9, planId: "x", rows: {} })],
  ])("warns once and pushes from the file's own state when the sidecar holds %s", async (_name, content) => {
    // Prepare
    const plan = await freshPlan("corrupt");
    const file = `corrupt-${planSeq}.xlsx`;
    await writeXlsx(bigDataPlan(), join(dir, file));
    await writeFile(join(dir, `${file}${SIDECAR_SUFFIX}`), content);
    // Act
    const result = await syncJson(file, plan);
    // Assess
    expect(result.err.trim().split("\n")).toHaveLength(1);
    expect(result.err).toMatch(/stato di sincronizzazione illeggibile/);
    expect(result.report.sent).toBeGreaterThan(0);
    expect(result.report.counts.applied).toBe(result.report.sent);
    expect(result.report.results.every((r) => r.version === 1)).toBe(true);
    expect(result.code).toBe(0);
    const rewritten = JSON.parse(await readFile(join(dir, `${file}${SIDECAR_SUFFIX}`), "utf8")) as {
      planId: string;
    };
    expect(rewritten.planId).toBe(plan);
  });

  it("builds on the file's sync sheet when it is newer than the sidecar", async () => {
    // Prepare: shared.xlsx synced by the CLI (sidecar: DGH at 1); someone else then moves DGH to 2
    const plan = await freshPlan("newer");
    await writeXlsx(bigDataPlan(), join(dir, "shared.xlsx"));
    await syncJson("shared.xlsx", plan);
    const atOne = await cloudState(plan);
    const sheetAtOne = { name: SYNC_SHEET_NAME, values: syncSheetValues(atOne), hidden: "very" as const };
    await writeXlsx([...planWithEditedProject("(altro)"), sheetAtOne], join(dir, "colleague.xlsx"));
    await syncJson("colleague.xlsx", plan);
    // ... and the add-in pulls it into shared.xlsx (sync sheet: DGH at 2), where the user edits DGH again
    const atTwo = await cloudState(plan);
    const sheetAtTwo = { name: SYNC_SHEET_NAME, values: syncSheetValues(atTwo), hidden: "very" as const };
    await writeXlsx([...planWithEditedProject("(mio)"), sheetAtTwo], join(dir, "shared.xlsx"));
    // Act
    const result = await syncJson("shared.xlsx", plan);
    // Assess
    expect(atTwo.rows["project:DGH"]?.version).toBe(2);
    expect(result.report.counts).toEqual({ applied: 1, unchanged: 0, conflict: 0, invalid: 0 });
    expect(result.report.results.map((r) => [r.key, r.version])).toEqual([["DGH", 3]]);
  });

  it("merges sheet and sidecar so each row keeps its higher version, and only for the sidecar's plan", () => {
    const synced = fc.dictionary(
      fc.constantFrom("project:A", "project:B", "line:1.1", "budget:X|A||"),
      fc.record({ version: fc.nat(50), hash: fc.string({ maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(synced, synced, fc.boolean(), (sheetRows, sideRows, samePlan) => {
        // Prepare
        const sheet: SyncState = { planId: "p", rows: sheetRows };
        const sidecar: SidecarState = { schema: 1, planId: samePlan ? "p" : "q", rows: sideRows };
        // Act
        const merged = mergeBase("p", sheet, sidecar);
        // Assess
        const ids = new Set([...Object.keys(sheetRows), ...(samePlan ? Object.keys(sideRows) : [])]);
        expect(Object.keys(merged?.rows ?? {}).sort()).toEqual([...ids].sort());
        for (const id of ids) {
          const versions = [sheetRows[id]?.version ?? -1, samePlan ? (sideRows[id]?.version ?? -1) : -1];
          expect(merged?.rows[id]?.version).toBe(Math.max(...versions));
        }
      }),
    );
  });
});
