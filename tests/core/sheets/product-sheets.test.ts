/**
 * The product's own sheets are never plan data, and a sheet is a table only with its kind's
 * identity heading (SPEC §3 as amended).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeWorkbook } from "#core/analyze.ts";
import { isProductSheet, LEGACY_OVERVIEW_HEADINGS, productSheetMark } from "#core/sheets/product-sheets.ts";
import { recognizeSheet } from "#core/sheets/recognize.ts";
import type { CellValue, SheetSnapshot } from "#core/snapshot/types.ts";
import { SYNC_SHEET_NAME, syncSheetValues } from "#core/sync/sync-sheet.ts";
import { bigDataPlan, snapshotOf } from "#samples/seed-workbook.ts";

const sheet = (name: string, values: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({
  name,
  values,
  ...extra,
});

describe("the product's mark", () => {
  it.each([
    ["the sync sheet as written", sheet(SYNC_SHEET_NAME, syncSheetValues({ planId: "p", rows: {} }))],
    [
      "the sync sheet renamed by a careless tool, still marked in A1",
      sheet("Sync", syncSheetValues({ planId: "p", rows: {} })),
    ],
    ["a highlight marker sheet (reserved name)", sheet("_ap_issues_1", [[null, 2], [1]])],
    [
      "an overview sheet renamed by the user",
      sheet("Board 2026", [[productSheetMark("overview"), "nota"], [], ["Codice", "Titolo", "PRL"]]),
    ],
    ["a mark with spaces and upper case", sheet("X", [["  ActionPlan-Overview "]])],
    ["a very hidden sheet", sheet("Impostazioni", [["Codice", "Titolo"]], { hidden: "very" })],
    [
      "an overview written before the mark (Italian headings from A1)",
      sheet("Panoramica", [
        [...LEGACY_OVERVIEW_HEADINGS.it],
        ["5", "Big Data", 8, 7, 3, 200000, 150000, 0, 0],
      ]),
    ],
    [
      "an overview written before the mark (English headings, other case and spaces)",
      sheet("Overview", [[...LEGACY_OVERVIEW_HEADINGS.en.map((h) => ` ${h.toUpperCase()} `), null]]),
    ],
  ])("marks %s", (_what, s) => {
    expect(isProductSheet(s)).toBe(true);
    expect(recognizeSheet(s)).toBeUndefined();
  });

  it.each([
    ["a projects sheet", sheet("Progetti", [["Codice", "Titolo"]])],
    ["a sheet whose A1 only mentions the product", sheet("Note", [["Action Plan 2022"]])],
    ["a hidden (not very hidden) list sheet", sheet("Liste", [["Programma"]], { hidden: true })],
    ["an empty sheet", sheet("Vuoto", [])],
    [
      "a projects sheet that shares the overview's first headings",
      sheet("Progetti", [[...LEGACY_OVERVIEW_HEADINGS.it.slice(0, 4), "Esito"]]),
    ],
    [
      "a projects sheet with every overview heading and one more",
      sheet("Progetti", [[...LEGACY_OVERVIEW_HEADINGS.it, "Esito"]]),
    ],
  ])("does not mark %s", (_what, s) => {
    expect(isProductSheet(s)).toBe(false);
  });

  it("an overview written before the mark adds nothing to the seed plan", () => {
    // Prepare: the seed plan plus the unmarked overview a version before the mark wrote for it.
    const base = snapshotOf(bigDataPlan());
    const overview = sheet("Panoramica", [
      [...LEGACY_OVERVIEW_HEADINGS.it],
      ["5", "Big Data", 8, 7, 3, 200000, 150000, 0, null],
      ["5.2", "Big data per la salute", 8, 7, 3, 200000, 150000, 0, null],
      ["Totale", "", null, null, 3, 200000, 150000, 0, null],
    ]);
    // Act
    const before = analyzeWorkbook(base);
    const after = analyzeWorkbook({ ...base, sheets: [...base.sheets, overview] });
    // Assess
    expect(after.plan).toEqual(before.plan);
    expect(after.issues).toEqual(before.issues);
  });

  it("an overview sheet with a projects-like header adds nothing to the plan, whatever its name", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 31 }), (name) => {
        // Prepare: the seed plan plus a marked sheet whose rows look like projects.
        const base = snapshotOf(bigDataPlan());
        const overview = sheet(name, [
          [productSheetMark("overview"), "generated"],
          [],
          ["Codice", "Titolo", "PRL", "Esito"],
          ["5.2", "Big Data", 8, "finanziato"],
        ]);
        const names = new Set(base.sheets.map((s) => s.name));
        fc.pre(!names.has(name));
        // Act
        const before = analyzeWorkbook(base);
        const after = analyzeWorkbook({ ...base, sheets: [...base.sheets, overview] });
        // Assess
        expect(after.plan).toEqual(before.plan);
        expect(after.issues).toEqual(before.issues);
      }),
      { numRuns: 25 },
    );
  });
});

describe("identity headings", () => {
  it.each([
    [
      "a drop-down list sheet with Programma and Esito",
      [
        ["Programma", "Esito"],
        ["Horizon Europe", "finanziato"],
        ["PNRR", "respinto"],
      ],
    ],
    ["vocabulary headings of projects only", [["Programma", "Bando", "Scadenza", "Esito"]]],
    ["a budget without amount", [["Progetto", "Voce", "Anno"]]],
    ["a budget without project or category", [["Descrizione", "Importo", "Anno"]]],
    ["lines vocabulary only", [["Priorità", "Tipologia di progetto"]]],
  ])("%s is not a table", (_what, values) => {
    expect(recognizeSheet(sheet("Liste", values as CellValue[][], { hidden: true }))).toBeUndefined();
  });

  it.each([
    ["projects by acronym", [["Acronimo", "Esito"]], "projects"],
    ["projects by title", [["Programma", "Titolo progetto"]], "projects"],
    ["lines by title", [["Linea di intervento", "Tipologia di progetto"]], "lines"],
    ["priorities by code", [["N.", "Descrizione"]], "priorities"],
    ["budget by project and amount", [["Progetto", "Importo"]], "budget"],
    [
      "a one-project budget (the sheet names the project) by category and amount",
      [["Voce", "Importo"]],
      "budget",
    ],
  ])("%s is a table", (_what, values, kind) => {
    expect(recognizeSheet(sheet("Foglio", values as CellValue[][]))?.kind).toBe(kind);
  });

  it("a hidden drop-down list sheet adds no rows and no issues to the plan", () => {
    // Prepare
    const base = snapshotOf(bigDataPlan());
    const lists = sheet(
      "Liste",
      [
        ["Programma", "Esito"],
        ["Horizon Europe", "finanziato"],
        ["PNRR", "non finanziato"],
        ["I3", "in attesa di valutazione"],
      ],
      { hidden: true },
    );
    // Act
    const before = analyzeWorkbook(base);
    const after = analyzeWorkbook({ ...base, sheets: [...base.sheets, lists] });
    // Assess
    expect(after.plan).toEqual(before.plan);
    expect(after.issues.filter((i) => i.sheet === "Liste")).toEqual([]);
    expect(after.sheets.map((s) => s.name)).not.toContain("Liste");
  });
});
