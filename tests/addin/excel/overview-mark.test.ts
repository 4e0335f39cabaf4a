/**
 * Issue #11 part 2, the exact repro: "Scrivi il foglio di panoramica" then validate. The overview
 * sheet carries the product mark, so the plan, its issues, =CLUSTER.PRL("5.2") and the next push
 * are what they were — in the add-in, and after the file is saved by ExcelJS and by openpyxl
 * (another writer) and read back by the file reader the CLI and the nightly job use.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import { MARKER_PREFIX } from "#addin/excel/internal-sheets.ts";
import { createFakeExcel, seedFromSnapshot } from "#addin/memory-host/host.ts";
import { translator } from "#addin/i18n/strings.ts";
import { buildOverview } from "#addin/taskpane/overview/overview-model.ts";
import { overviewSheetSpec } from "#addin/taskpane/overview/overview-sheet.ts";
import { readWorkbookFile } from "#xlsx/read-workbook.ts";
import { analyzeWorkbook } from "#core/analyze.ts";
import { prlIndex } from "#core/prl/index.ts";
import { hasProductSheetName, isProductSheet } from "#core/sheets/product-sheets.ts";
import type { WorkbookSnapshot } from "#core/snapshot/types.ts";
import { outgoingRows } from "#core/sync/outgoing.ts";
import { planRows } from "#core/sync/rows.ts";
import { bigDataPlan } from "#samples/seed-workbook.ts";
import { writeXlsx } from "#samples/write-xlsx.ts";

const TODAY = "2026-11-22";

/** What the person sees and what a push would send, from one snapshot. */
function outcome(snapshot: WorkbookSnapshot) {
  const analysis = analyzeWorkbook(snapshot, { today: TODAY });
  const rows = planRows(analysis.plan);
  const push = outgoingRows({ ...rows, state: undefined, sheetKinds: analysis.sheets.map((s) => s.kind) });
  return {
    plan: analysis.plan,
    issues: analysis.issues,
    sheets: analysis.sheets.map((s) => s.name),
    prl52: prlIndex(analysis.plan, "milestone").lookup("5.2")?.prl,
    pushed: push.rows.map((r) => `${r.entity}:${r.key}`),
  };
}

async function writeOverview(lang: "it" | "en") {
  const host = createFakeExcel({ sheets: bigDataPlan().map(seedFromSnapshot) });
  const adapter = new ExcelAdapter({ run: host.run });
  const before = await adapter.readSnapshot();
  const spec = overviewSheetSpec(buildOverview(analyzeWorkbook(before).plan, TODAY), translator(lang));
  await adapter.addSheetWithTable(spec.sheet, spec.rows, spec.chart, spec.note);
  return { before, after: await adapter.readSnapshot(), sheet: spec.sheet };
}

describe("the overview sheet is never plan data", () => {
  it.each(["it", "en"] as const)(
    "(%s) validate after writing it: same plan, no issue on it, PRL 5.2 and the push unchanged",
    async (lang) => {
      // Prepare / Act
      const { before, after, sheet } = await writeOverview(lang);
      // Assess
      expect(after.sheets.map((s) => s.name)).toContain(sheet);
      expect(isProductSheet(after.sheets.find((s) => s.name === sheet) ?? { name: "", values: [] })).toBe(
        true,
      );
      const was = outcome(before);
      const now = outcome(after);
      expect(was.prl52).toBeDefined();
      expect(now.issues.filter((i) => i.sheet === sheet)).toEqual([]);
      expect(now).toEqual(was);
    },
  );

  it("keeps its mark after saving with ExcelJS and again with openpyxl, and the file reader skips it", async () => {
    // Prepare: the add-in's workbook saved as .xlsx, then opened and saved by another writer.
    const { before, after, sheet } = await writeOverview("it");
    const dir = await mkdtemp(join(tmpdir(), "overview-mark-"));
    const saved = join(dir, "saved.xlsx");
    const resaved = join(dir, "resaved.xlsx");
    const fixture = bigDataPlan();
    const overview = after.sheets.find((s) => s.name === sheet);
    if (overview === undefined) throw new Error("overview sheet missing");
    await writeXlsx([...fixture, overview], saved);
    // Debian's python3-openpyxl, installed next to Chromium for the tests: a second, independent writer.
    await promisify(execFile)("/usr/bin/python3", [
      "-c",
      "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])",
      saved,
      resaved,
    ]);
    expect((await readFile(resaved)).length).toBeGreaterThan(0);
    // Act
    const read = await readWorkbookFile(resaved);
    // Assess
    const reread = read.sheets.find((s) => s.name === sheet);
    expect(reread?.values[0]?.[0]).toBe("actionplan-overview");
    expect(outcome(read)).toEqual(
      outcome({ ...before, origin: "xlsx", sheets: read.sheets.filter((s) => s.name !== sheet) }),
    );
    expect(outcome(read).sheets).not.toContain(sheet);
  });

  it("the highlight marker sheets are named inside the product's reserved names", () => {
    expect(hasProductSheetName(`${MARKER_PREFIX}1`)).toBe(true);
  });
});
