import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeWorkbook } from "#core/analyze.ts";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "#core/snapshot/types.ts";
import { tryParseA1 } from "#core/values/index.ts";
import { HEADINGS } from "#core/sheets/headings.ts";
import { bigDataPlan, messyPlan, PLANTED_ISSUES, snapshotOf } from "#samples/seed-workbook.ts";
import { cleanPlan, workbook } from "./workbook.ts";

describe("analyzeWorkbook on the seed fixtures", () => {
  it.each(PLANTED_ISSUES.map((p) => [`${p.sheet}!${p.cell}`, p.code, p.severity, p] as const))("reports %s as %s (%s)", (_ref, code, severity, planted) => {
    // Act
    const { issues } = analyzeWorkbook(snapshotOf(messyPlan()));
    // Assess
    const hit = issues.find((i) => i.sheet === planted.sheet && i.cell === planted.cell && i.code === code);
    expect(hit?.severity).toBe(severity);
  });

  it("reads the clean Big Data plan without errors and maps every field back to its column", () => {
    // Act
    const { plan, issues, sheets } = analyzeWorkbook(snapshotOf(bigDataPlan()));
    // Assess
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(plan.present).toEqual({ priorities: true, lines: true, projects: true, budget: true });
    const projects = sheets.find((s) => s.kind === "projects");
    expect(projects?.columns["code"]).toMatchObject({ letter: expect.stringMatching(/^[A-Z]+$/) });
    expect(JSON.parse(JSON.stringify(sheets))).toEqual(sheets);
  });

  it("skips hidden sync sheets and keeps other hidden sheets readable", () => {
    // Prepare
    const snapshot = workbook(
      ["_actionplan_state", [["Codice", "Acronimo", "Titolo"], ["X", "X", "X"]], { hidden: "very" }],
      ["Progetti nascosti", [["Codice", "Acronimo", "Titolo"], ["Y", "Y", "Y"]], { hidden: true }],
    );
    // Act
    const { plan } = analyzeWorkbook(snapshot);
    // Assess
    expect(plan.projects.map((p) => p.key)).toEqual(["Y"]);
  });

  it("sorts issues by sheet order, then row, then column", () => {
    // Prepare: problems planted right-to-left and bottom-up.
    const snapshot = cleanPlan({ Esito: "forse", Programma: "Boh", "Titolo progetto": null });
    // Act
    const { issues } = analyzeWorkbook(snapshot);
    // Assess
    expect(issues.map((i) => i.cell)).toEqual(["C2", "E2", "K2"]);
  });

  it.each([
    ["it", "Campo obbligatorio mancante"],
    ["en", "Required field missing"],
  ] as const)("writes messages in %s", (messagesLocale, text) => {
    const { issues } = analyzeWorkbook(cleanPlan({ "Titolo progetto": null }), { messagesLocale });
    expect(issues[0]?.message).toContain(text);
  });

  it("reads a sheet of 200 000 rows (no argument-spreading limits)", () => {
    // Prepare
    const rows: CellValue[][] = [["Progetto", "Voce", "Importo"]];
    for (let i = 0; i < 200_000; i++) rows.push(["P1", "Personale", 1]);
    // Act
    const { plan, issues } = analyzeWorkbook(workbook(["Budget", rows]));
    // Assess
    expect(plan.budget).toHaveLength(200_000);
    expect(issues.map((i) => i.code)).toEqual(["budget.overhead-differs"].slice(0, 0));
  });

  it("reads numbers by the workbook locale", () => {
    // Prepare: "1,500" is 1.5 in Italian, 1500 in English.
    const it = analyzeWorkbook(cleanPlan({ "Budget totale": "1,500" }));
    const en = analyzeWorkbook(cleanPlan({ "Budget totale": "1,500" }), { locale: "en" });
    // Assess
    expect(it.plan.projects[0]?.totalBudget).toBe(150);
    expect(en.plan.projects[0]?.totalBudget).toBe(150_000);
  });
});

/** Cell values a fuzzer should try: headings, numbers incl. NaN/Infinity/-0, booleans, errors. */
const HEADING_WORDS = Object.values(HEADINGS).flatMap((t) => Object.values(t).flat() as string[]);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...HEADING_WORDS),
  fc.constantFrom("#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "Totale", "5 BIG DATA", "5.1 Big Data", "25%", "31/02/2022", "€ 499.875,00", "__proto__", "valueOf"),
  fc.string(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 1, 5, 5.1, 44_500),
  fc.boolean(),
  fc.constant(null),
);
const sheetArb: fc.Arbitrary<SheetSnapshot> = fc.record(
  {
    name: fc.oneof(fc.constantFrom("Priorità", "Linee", "Progetti", "Budget", "_actionplan"), fc.string()),
    values: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 14 }),
    merged: fc.array(fc.constantFrom("A2:A4", "B1:C1", "A:A", "Z99", "bogus", "C3:A1"), { maxLength: 2 }),
    hidden: fc.constantFrom(false, true, "very" as const),
  },
  { requiredKeys: ["name", "values"] },
);

describe("analyzeWorkbook on arbitrary sheets", () => {
  it("never throws, and every issue has a valid A1 cell or none", () => {
    fc.assert(
      fc.property(fc.array(sheetArb, { maxLength: 4 }), fc.constantFrom("it" as const, "en" as const), (sheets, locale) => {
        // Act
        const snapshot: WorkbookSnapshot = { origin: "test", locale, sheets };
        const { issues, plan } = analyzeWorkbook(snapshot);
        // Assess
        for (const i of issues) {
          expect(i.cell === "" || tryParseA1(i.cell) !== undefined, i.cell).toBe(true);
          expect(i.message.length).toBeGreaterThan(0);
          expect(() => JSON.stringify(i)).not.toThrow();
        }
        expect(Array.isArray(plan.projects)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("never throws when headers are valid and data rows are arbitrary", () => {
    const headers = [
      ["N.", "Priorità strategica", "Descrizione"],
      ["Codice", "Linea di intervento", "Priorità", "Tipologia di progetto"],
      ["Codice", "Acronimo", "Titolo", "Linea", "Budget totale", "Esito", "Data presentazione", "PRL", "Grant firmato", "Partner"],
      ["Progetto", "Voce", "Importo", "Anno", "Aliquota"],
    ];
    fc.assert(
      fc.property(fc.tuple(...headers.map(() => fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 8 }))), (rows) => {
        const snapshot: WorkbookSnapshot = {
          origin: "test",
          sheets: headers.map((h, k) => ({ name: ["Priorità", "Linee", "Progetti", "Budget"][k] ?? "", values: [h, ...(rows[k] ?? [])] })),
        };
        const { issues } = analyzeWorkbook(snapshot);
        for (const i of issues) expect(i.cell === "" || tryParseA1(i.cell) !== undefined).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
