/**
 * `npm start`'s sample records the base it was imported at (SPEC §9: whatever imports a workbook
 * records the base versions where that workbook keeps them), so story (j), CLI half: an edited
 * copy of the sample syncs with `actionplan sync` with 0 conflicts and sends only the edit.
 * Real parts: dev/sample.ts on DynamoDB Local, the .xlsx written and edited with ExcelJS, the CLI.
 */
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "#cli/main.ts";
import { readSyncSheet } from "#core/sync/sync-sheet.ts";
import { readWorkbookFile } from "#xlsx/read-workbook.ts";
import { ensureSampleWorkbook, seedPlan } from "../../dev/sample.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";

const PLAN = "sample-base";
const stack = useLocalStack();
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "actionplan-sample-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd: dir });
  return { code, out, err };
}

/** Types a new amount into the first budget row (Budget!D2), as a person editing a copy would. */
async function editFirstBudgetAmount(file: string, amount: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet("Budget");
  if (!sheet) throw new Error("the sample has no Budget sheet");
  sheet.getCell("D2").value = amount;
  await wb.xlsx.writeFile(file);
}

describe("npm start's sample", () => {
  it("records the version of every imported row in its sync sheet", async () => {
    // Act
    const sample = join(dir, "sample.xlsx");
    const written = await ensureSampleWorkbook(sample, PLAN);
    const result = await seedPlan({ store: stack().store, plan: PLAN, title: "Sample", admin: "dev-user", workbook: sample, recordBase: written });
    // Assess
    const state = readSyncSheet(await readWorkbookFile(sample));
    const stored = await stack().store.listRows(PLAN);
    expect(result).toMatchObject({ created: true, rejected: 0 });
    expect(result.imported).toBe(stored.length);
    expect(result.recorded).toBe(stored.length);
    expect(state?.planId).toBe(PLAN);
    expect(Object.fromEntries(Object.entries(state?.rows ?? {}).map(([id, r]) => [id, r.version]))).toEqual(
      Object.fromEntries(stored.map((r) => [`${r.entity}:${r.key}`, r.version])),
    );
  });

  it("story (j), CLI: an edited copy syncs with 0 conflicts and sends only the edited budget row", async () => {
    // Prepare
    const copy = join(dir, "copy.xlsx");
    await copyFile(join(dir, "sample.xlsx"), copy);
    await editFirstBudgetAmount(copy, 135_000);
    const token = await stack().issuer.mintToken({ oid: "dev-user" });
    // Act
    const run = await cli(["sync", "copy.xlsx", "--plan", PLAN, "--api", stack().apiUrl, "--token", token, "--json"]);
    // Assess
    const report = JSON.parse(run.out) as { sent: number; counts: Record<string, number>; results: { key: string; status: string }[] };
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(report.counts).toMatchObject({ applied: 1, conflict: 0, invalid: 0 });
    expect(report.sent).toBe(1);
    expect(report.results[0]?.key).toMatch(/^CLUSTER-2020\|/);
    const [row] = (await stack().store.listRows(PLAN, "budget")).filter((r) => r.key === report.results[0]?.key);
    expect(row).toMatchObject({ version: 2, values: { amount: 135_000 } });
  });
});
