/**
 * The adapter's snapshot on the fake host equals what ExcelJS reads from the same workbook saved
 * as .xlsx, in a constant number of round trips.
 */
import { describe, expect, it } from "vitest";
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import { WEB_MAX_CELLS_PER_SYNC } from "#addin/excel/read-snapshot.ts";
import type { SheetSnapshot, WorkbookSnapshot } from "#core/snapshot/types.ts";
import { readWorkbookBuffer } from "#xlsx/read-workbook.ts";
import { SEED_FIXTURES, type FixtureSheet } from "#samples/seed-workbook.ts";
import { largeWorkbook } from "#samples/large-workbook.ts";
import { xlsxBuffer } from "#samples/write-xlsx.ts";
import { createFakeExcel, seedFromSnapshot } from "#addin/memory-host/host.ts";

/** What both readers must agree on (merged areas in a stable order). */
function comparable(sheets: readonly SheetSnapshot[]): SheetSnapshot[] {
  return sheets.map((s) => {
    const out: SheetSnapshot = { name: s.name, values: s.values };
    if (s.formulas) out.formulas = s.formulas;
    if (s.merged) out.merged = [...s.merged].sort();
    if (s.hidden !== undefined) out.hidden = s.hidden;
    return out;
  });
}

function hostOf(sheets: readonly FixtureSheet[], culture: "it-IT" | "en-US" = "it-IT") {
  return createFakeExcel({ sheets: sheets.map(seedFromSnapshot), culture });
}

describe("ExcelAdapter.readSnapshot", () => {
  it.each(Object.entries(SEED_FIXTURES))(
    "reads %s exactly as ExcelJS reads the saved .xlsx",
    async (name, make) => {
      // Prepare
      const sheets = make();
      const fromFile: WorkbookSnapshot = await readWorkbookBuffer(await xlsxBuffer(sheets), `${name}.xlsx`);
      const adapter = new ExcelAdapter({ run: hostOf(sheets).run });
      // Act
      const fromExcel = await adapter.readSnapshot();
      // Assess
      expect(fromExcel.origin).toBe("excel");
      expect(comparable(fromExcel.sheets)).toEqual(comparable(fromFile.sheets));
    },
  );

  it("reads formulas where the sheet has them and a very hidden sheet's flag", async () => {
    // Prepare
    const host = createFakeExcel({
      sheets: [
        {
          name: "Progetti",
          values: [
            ["Codice", "PRL"],
            ["DGH", 6],
            [null, null],
            ["X", 2],
          ],
          formulas: { B2: "=PRL(A2)", B4: "=PRL(A4)" },
        },
        { name: "_actionplan_sync", values: [["actionplan-sync", 1]], visibility: "VeryHidden" },
      ],
    });
    // Act
    const snap = await new ExcelAdapter({ run: host.run }).readSnapshot();
    // Assess
    expect(snap.sheets[0]?.formulas).toEqual([[], [null, "=PRL(A2)"], [], [null, "=PRL(A4)"]]);
    expect(snap.sheets[0]?.values).toEqual([["Codice", "PRL"], ["DGH", 6], [], ["X", 2]]);
    expect(snap.sheets[1]?.hidden).toBe("very");
    expect(snap.name).toBe("Book1.xlsx");
  });

  it.each([
    ["it-IT", "it"],
    ["en-US", "en"],
  ] as const)("takes the locale from the %s culture's decimal separator", async (culture, locale) => {
    // Prepare
    const adapter = new ExcelAdapter({ run: hostOf(SEED_FIXTURES["big-data-plan"]?.() ?? [], culture).run });
    // Act
    const snap = await adapter.readSnapshot();
    // Assess
    expect(snap.locale).toBe(locale);
  });

  it.each([
    [
      "desktop (no payload limit), whole plan with 4 budget rows per project",
      {},
      (n: number) => largeWorkbook({ projects: n }),
    ],
    [
      "the web's payload budget, projects sheet",
      { maxCellsPerSync: WEB_MAX_CELLS_PER_SYNC },
      (n: number) => largeWorkbook({ projects: n }).filter((s) => s.name === "Progetti"),
    ],
  ])(
    "makes the same number of round trips, at most 3, for 10, 1 000 and 10 000 projects on %s",
    async (_, read, make) => {
      // Prepare
      const counts: number[] = [];
      for (const projects of [10, 1_000, 10_000]) {
        const host = hostOf(make(projects));
        const adapter = new ExcelAdapter({ run: host.run, read });
        // Act
        counts.push(await host.countSyncs(() => adapter.readSnapshot()));
      }
      // Assess
      expect(new Set(counts).size).toBe(1);
      expect(counts[0]).toBeLessThanOrEqual(3);
    },
  );

  it("spreads reads over more round trips instead of exceeding the host's payload limit", async () => {
    // Prepare
    const sheets = largeWorkbook({ projects: 2_000 });
    const strict = createFakeExcel({ sheets: sheets.map(seedFromSnapshot), payloadLimitCells: 20_000 });
    const expected = await new ExcelAdapter({ run: hostOf(sheets).run }).readSnapshot();
    // Act
    const snap = await new ExcelAdapter({
      run: strict.run,
      read: { maxCellsPerSync: 20_000, chunkCells: 5_000 },
    }).readSnapshot();
    // Assess
    expect(snap).toEqual(expected);
    expect(strict.state.largestBatchCells).toBeLessThanOrEqual(20_000);
    expect(strict.syncCount).toBeGreaterThan(3);
  });

  it("fails like Excel on the web when one sync would exceed the payload limit", async () => {
    // Prepare
    const strict = createFakeExcel({
      sheets: largeWorkbook({ projects: 2_000 }).map(seedFromSnapshot),
      payloadLimitCells: 20_000,
    });
    // Act
    const read = new ExcelAdapter({ run: strict.run, read: { maxCellsPerSync: 1_000_000 } }).readSnapshot();
    // Assess
    await expect(read).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});
