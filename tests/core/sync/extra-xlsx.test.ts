/**
 * The extra columns through a real .xlsx: written by ExcelJS, read back by the CLI's reader,
 * then analysed and turned into sync rows — the same values and hashes as the in-memory sheets.
 */
import { describe, expect, it } from "vitest";
import { readWorkbookBuffer } from "#xlsx/read-workbook.ts";
import { analyzeWorkbook } from "#core/analyze.ts";
import type { WorkbookSnapshot } from "#core/snapshot/types.ts";
import { planRows } from "#core/sync/rows.ts";
import { xlsxBuffer } from "#samples/write-xlsx.ts";
import { combinedSheets, extraPlanSheets, snapshotOf } from "./extra-fixtures.ts";

/** "entity:key" → [hash, extra] of a snapshot's sync rows. */
function rowsOf(snapshot: WorkbookSnapshot): Record<string, [string, unknown]> {
  const { rows } = planRows(analyzeWorkbook(snapshot).plan);
  return Object.fromEntries(rows.map((r) => [`${r.entity}:${r.key}`, [r.hash, r.values["extra"]]]));
}

describe("extra columns in a real .xlsx read by the CLI reader", () => {
  it.each<[string, string, unknown, () => ReturnType<typeof extraPlanSheets>]>([
    ["plan with extras on every sheet", "priority:5", { Note: "da rivedere", Referente: "M. Rossi" }, () => extraPlanSheets({ priorities: true, lines: true, budget: true })],
    ["plan with extras on every sheet", "budget:DGH|personnel|2025|UNIBO", { Note: "preventivo 3/2025" }, () => extraPlanSheets({ priorities: true, lines: true, budget: true })],
    ["combined layout with a Note column", "line:1.1", { Note: "joint call" }, () => combinedSheets(true)],
    ["plan without extras", "line:5.1", undefined, () => extraPlanSheets()],
  ])("%s: %s reads back with extra %j and the in-memory hash", async (_name, id, extra, sheets) => {
    // Prepare
    const fixture = sheets();
    const expected = rowsOf(snapshotOf(fixture));
    // Act
    const read = await readWorkbookBuffer(await xlsxBuffer(fixture), "extra.xlsx");
    const rows = rowsOf(read);
    // Assess
    expect(rows[id]?.[1]).toEqual(extra);
    expect(rows).toEqual(expected);
  });
});
