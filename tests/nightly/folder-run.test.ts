import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { config } from "#functions/config.ts";
import { createDocumentClient } from "#functions/store/client.ts";
import { FolderWorkbookSource } from "#functions/nightly/folder-source.ts";
import { runLocalNightly } from "#functions/nightly/local-run.ts";
import { DynamoWorkbookRegistry } from "#functions/nightly/registry-dynamo.ts";
import { WorkbookFetchError } from "#functions/nightly/workbook-source.ts";
import { bigDataPlan } from "#samples/seed-workbook.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { rowsOf, withCell, workbookBytes } from "./support/workbooks.ts";

const stack = useLocalStack();
let runs = 0;

/** A fresh folder and a run function over it (its own plan id, so tests do not meet). */
function folderRun() {
  const dir = mkdtempSync(join(tmpdir(), "actionplan-workbooks-"));
  const plan = `folder-${process.pid}-${++runs}`;
  const registry = new DynamoWorkbookRegistry(createDocumentClient(config()), stack().tableName);
  const run = (fallbackPlan?: string) =>
    runLocalNightly({ dir, store: stack().store, registry, ...(fallbackPlan ? { fallbackPlan } : {}) });
  return { dir, plan, run };
}

describe("nightly job over a folder (npm run nightly)", () => {
  it("registers a new workbook under its sync sheet's plan, applies it, then skips it while unchanged", async () => {
    // Prepare
    const { dir, plan, run } = folderRun();
    writeFileSync(join(dir, "piano.xlsx"), await workbookBytes(bigDataPlan(), { planId: plan, rows: {} }));
    // Act
    const first = await run();
    const second = await run();
    // Assess
    expect(first.reports.map((r) => [r.plan, r.files.map((f) => [f.file, f.status, f.applied])])).toEqual([
      [plan, [["piano.xlsx", "applied", rowsOf(bigDataPlan()).rows.length]]],
    ]);
    expect(second.reports[0]?.files.map((f) => f.status)).toEqual(["skipped-unchanged"]);
  });

  it("reads a file again once it is saved again and applies only what changed", async () => {
    // Prepare
    const { dir, plan, run } = folderRun();
    const path = join(dir, "piano.xlsx");
    writeFileSync(path, await workbookBytes(bigDataPlan(), { planId: plan, rows: {} }));
    await run();
    writeFileSync(path, await workbookBytes(withCell(bigDataPlan(), "Progetti", 2, 3, "Nuovo titolo"), { planId: plan, rows: {} }));
    utimesSync(path, new Date(), new Date(Date.now() + 5_000));
    // Act
    const result = await run();
    // Assess
    expect(result.reports[0]?.files[0]?.errors).toEqual([]);
    expect(result.reports[0]?.files[0]).toMatchObject({ status: "applied", applied: 1 });
  });

  it("lists a workbook with no sync sheet and no --plan as unassigned, and uses --plan when given", async () => {
    // Prepare
    const { dir, plan, run } = folderRun();
    writeFileSync(join(dir, "orfano.xlsx"), await workbookBytes(bigDataPlan(), { planId: "", rows: {} }));
    // Act
    const without = await run();
    const withPlan = await run(plan);
    // Assess
    expect(without).toEqual({ reports: [], unassigned: ["orfano.xlsx"] });
    expect(withPlan.reports.map((r) => r.plan)).toEqual([plan]);
  });
});

describe("folder source", () => {
  it.each(["../outside.xlsx", "sub/../../outside.xlsx", "/etc/passwd"])("refuses %s, which is outside its folder", async (path) => {
    const source = new FolderWorkbookSource(mkdtempSync(join(tmpdir(), "actionplan-folder-")));
    await expect(source.fetch({ kind: "folder", path }, undefined)).rejects.toBeInstanceOf(WorkbookFetchError);
  });

  it("lists only .xlsx files, not Excel's ~$ lock files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "actionplan-folder-"));
    for (const name of ["b.xlsx", "a.XLSX", "~$a.xlsx", "note.txt"]) writeFileSync(join(dir, name), "x");
    expect((await new FolderWorkbookSource(dir).list()).map((l) => l.path)).toEqual(["a.XLSX", "b.xlsx"]);
  });

  it("gives a new eTag when the file's content changes size", async () => {
    const dir = mkdtempSync(join(tmpdir(), "actionplan-folder-"));
    const source = new FolderWorkbookSource(dir);
    writeFileSync(join(dir, "a.xlsx"), "one");
    const first = await source.fetch({ kind: "folder", path: "a.xlsx" }, undefined);
    if (first.status !== "fetched") throw new Error("expected a fetch");
    writeFileSync(join(dir, "a.xlsx"), "one more");
    const second = await source.fetch({ kind: "folder", path: "a.xlsx" }, first.eTag);
    expect(second.status).toBe("fetched");
    expect(await source.fetch({ kind: "folder", path: "a.xlsx" }, second.status === "fetched" ? second.eTag : "")).toEqual({ status: "unchanged" });
  });
});
