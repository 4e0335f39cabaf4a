/** The sync row a selected cell belongs to (issue #11: history for the selected row). */
import { describe, expect, it } from "vitest";
import { analyzeWorkbook } from "#core/analyze.ts";
import { planRows } from "#core/sync/rows.ts";
import { rowAt } from "#core/sync/row-at.ts";
import { bigDataPlan, snapshotOf } from "#samples/seed-workbook.ts";

const seed = analyzeWorkbook(snapshotOf(bigDataPlan())).plan;

describe("rowAt", () => {
  it("names every synced row of the seed by the sheet and row it was read from, with the key the sync uses", () => {
    const synced = new Set(planRows(seed).rows.map((r) => `${r.entity}|${r.key}`));
    const sources = [
      ...seed.priorities.map((e) => ["priority", e.source] as const),
      ...seed.lines.map((e) => ["line", e.source] as const),
      ...seed.projects.map((e) => ["project", e.source] as const),
      ...seed.budget.map((e) => ["budget", e.source] as const),
    ];
    expect(sources.length).toBeGreaterThan(10);
    for (const [entity, source] of sources) {
      if (source === undefined) continue;
      const found = rowAt(seed, source.sheet, source.row);
      expect(found?.entity).toBe(entity);
      expect(synced.has(`${found?.entity}|${found?.key}`)).toBe(true);
    }
  });

  it("names no row for a heading, a row past the table or another sheet", () => {
    const first = seed.projects[0]?.source;
    expect(first).toBeDefined();
    expect(rowAt(seed, first?.sheet ?? "", 1)).toBeUndefined();
    expect(rowAt(seed, first?.sheet ?? "", 100_000)).toBeUndefined();
    expect(rowAt(seed, "Not a sheet", first?.row ?? 2)).toBeUndefined();
  });
});
