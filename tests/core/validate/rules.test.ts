import { describe, expect, it } from "vitest";
import { analyzeWorkbook } from "#core/analyze.ts";
import type { CellValue } from "#core/snapshot/types.ts";
import { cleanPlan, codesAt, LINE_HEADER, PRIORITY_HEADER, workbook } from "#tests/core/analyze/workbook.ts";
import type { WorkbookSnapshot } from "#core/snapshot/types.ts";

/** DGH's budget in the Horizon scheme: 399 900 direct + 25 % = 499 875 (matches its total). */
const DGH_BUDGET: CellValue[][] = [
  ["DGH", "Personale", "Staff", 300_000],
  ["DGH", "Viaggi", "Missioni", 40_000],
  ["DGH", "Altri beni e servizi", "Piattaforma", 59_900],
  ["DGH", "Costi indiretti", "Forfettario 25%", 99_975],
];

const withTicks = (tick: CellValue): WorkbookSnapshot =>
  workbook(["Progetti", [["Acronimo", "Titolo", "Grant firmato"], ["DGH", "Digital Green Health", tick]]]);

const lines = (rows: CellValue[][]): WorkbookSnapshot =>
  workbook(["Priorità", [PRIORITY_HEADER, [5, "Big Data", null]]], ["Linee", [LINE_HEADER, ...rows]]);

describe("a clean plan", () => {
  it("has no issues", () => {
    // Act
    const { issues, plan } = analyzeWorkbook(cleanPlan({}, DGH_BUDGET));
    // Assess
    expect(issues).toEqual([]);
    expect(plan.projects[0]?.hasErrors).toBeUndefined();
  });
});

describe("every rule fails where it should", () => {
  it.each<[string, WorkbookSnapshot, string, string, "error" | "warning"]>([
    ["missing project title", cleanPlan({ "Titolo progetto": null }), "Progetti!C2", "required.missing", "error"],
    ["neither code nor acronym", cleanPlan({ Codice: null, Acronimo: "  " }), "Progetti!A2", "required.code-or-acronym", "error"],
    ["missing line title", lines([["5.1", null, 5, null]]), "Linee!B2", "required.missing", "error"],
    ["missing priority title", workbook(["Priorità", [PRIORITY_HEADER, [5, null, "descr"]]]), "Priorità!B2", "required.missing", "error"],
    ["duplicate line code", lines([["5.1", "Uno", 5, null], ["5.1", "Due", 5, null]]), "Linee!A3", "duplicate.code", "error"],
    ["line of an unknown priority", lines([["6.1", "Medicina di genere", 6, null]]), "Linee!C2", "ref.unknown-priority", "error"],
    ["project of an unknown line", cleanPlan({ Linea: "5.9" }), "Progetti!D2", "ref.unknown-line", "error"],
    ["budget row of an unknown project", cleanPlan({}, [["GHOST", "Personale", "", 10_000]]), "Budget!A2", "ref.unknown-project", "error"],
    ["unknown programme", cleanPlan({ Programma: "Horizon 2030" }), "Progetti!E2", "vocab.unknown-programme", "warning"],
    ["unknown outcome", cleanPlan({ Esito: "forse" }), "Progetti!K2", "vocab.unknown-outcome", "error"],
    ["unknown cost category", cleanPlan({}, [["DGH", "Pizza", "", 10]]), "Budget!B2", "vocab.unknown-category", "warning"],
    ["text where money goes", cleanPlan({ "Budget totale": "tanti" }), "Progetti!I2", "value.not-a-number", "error"],
    ["negative money", cleanPlan({ "Contributo richiesto": "-50.000" }), "Progetti!J2", "value.negative", "error"],
    ["infinite money", cleanPlan({ "Budget totale": Number.POSITIVE_INFINITY }), "Progetti!I2", "value.not-finite", "error"],
    ["NaN money", cleanPlan({ "Budget totale": Number.NaN }), "Progetti!I2", "value.not-finite", "error"],
    ["text where a date goes", cleanPlan({ Scadenza: "presto" }), "Progetti!G2", "value.not-a-date", "error"],
    ["impossible date", cleanPlan({ "Data presentazione": "31/02/2022" }), "Progetti!H2", "value.impossible-date", "error"],
    ["#REF! in a money cell", cleanPlan({ "Budget totale": "#REF!" }), "Progetti!I2", "value.formula-error", "error"],
    ["#N/A in the outcome", cleanPlan({ Esito: "#N/A" }), "Progetti!K2", "value.formula-error", "error"],
    ["#DIV/0! in a budget amount", cleanPlan({}, [["DGH", "Personale", "", "#DIV/0!"]]), "Budget!D2", "value.formula-error", "error"],
    ["text over 32 767 characters", cleanPlan({ "Titolo progetto": "x".repeat(32_768) }), "Progetti!C2", "value.too-long", "error"],
    ["a PRL that is not a level", cleanPlan({ PRL: 12 }), "Progetti!L2", "value.not-a-prl", "error"],
    ["a tick that is not a tick", withTicks("forse"), "Progetti!C2", "value.not-a-tick", "error"],
    ["an overhead rate over 100 %", workbook(["Budget", [["Progetto", "Voce", "Importo", "Aliquota"], ["P1", "Spese generali", 100, "250%"]]]), "Budget!D2", "value.not-a-rate", "error"],
    ["a year that is not a year", workbook(["Budget", [["Progetto", "Voce", "Importo", "Anno"], ["P1", "Personale", 100, 20.5]]]), "Budget!D2", "value.not-a-year", "error"],
    ["submitted after the deadline", cleanPlan({ "Data presentazione": "20/11/2021" }), "Progetti!H2", "dates.submitted-after-deadline", "warning"],
    ["start before submission", cleanPlan({ "Data inizio": "01/10/2021" }), "Progetti!M2", "dates.start-before-submitted", "warning"],
    ["a stated PRL that differs", cleanPlan({ PRL: 8 }), "Progetti!L2", "prl.stated-differs", "warning"],
    ["overhead that is not 25 %", cleanPlan({}, [...DGH_BUDGET.slice(0, 3), ["DGH", "Costi indiretti", "", 99_976]]), "Budget!D5", "budget.overhead-differs", "warning"],
    ["project total vs budget sheet", cleanPlan({ "Budget totale": "500.000" }, DGH_BUDGET), "Progetti!I2", "budget.project-total-differs", "warning"],
  ])("%s → %s is %s", (_what, snapshot, ref, code, severity) => {
    // Act
    const { issues } = analyzeWorkbook(snapshot);
    // Assess
    expect(codesAt(issues, ref)).toContain(code);
    expect(issues.find((i) => i.code === code)?.severity).toBe(severity);
  });
});

describe("every rule passes where it should", () => {
  it.each<[string, WorkbookSnapshot]>([
    ["acronym without code", cleanPlan({ Codice: null })],
    ["same code in two kinds", lines([["5.1", "Uno", 5, null]])],
    ["project without a line", cleanPlan({ Linea: null })],
    ["programme alias HE", cleanPlan({ Programma: "HE" })],
    ["outcome in English", cleanPlan({ Esito: "Under evaluation" })],
    ["submitted on the deadline", cleanPlan({ "Data presentazione": "16/11/2021" })],
    ["start on the submission day", cleanPlan({ "Data inizio": "26/10/2021" })],
    ["a stated PRL equal to the computed one", cleanPlan({ PRL: 6 })],
    ["overhead within one cent", cleanPlan({}, [...DGH_BUDGET.slice(0, 3), ["DGH", "Costi indiretti", "", "99.975,01"]])],
    ["a budget row naming the project by acronym", cleanPlan({}, DGH_BUDGET.map(([, ...rest]) => ["DigitalGreenHealth", ...rest]))],
    ["ticks Sì / X / blank", workbook(["Progetti", [["Acronimo", "Titolo", "Grant firmato", "Proposta pronta", "Sopra soglia"], ["A", "Uno", "Sì", "X", null]]])],
    ["money written with euro sign and dots", cleanPlan({ "Budget totale": "€ 499.875" })],
    ["text of exactly 32 767 characters", cleanPlan({ "Titolo progetto": "x".repeat(32_767) })],
    ["a stated rate of 20 % with a matching overhead", workbook(["Budget", [["Progetto", "Voce", "Importo", "Aliquota"], ["P1", "Personale", 100, null], ["P1", "Spese generali", 20, "20%"]]])],
    ["a year", workbook(["Budget", [["Progetto", "Voce", "Importo", "Anno"], ["P1", "Personale", 100, 2022]]])],
  ])("%s", (_what, snapshot) => {
    // Act
    const { issues } = analyzeWorkbook(snapshot);
    // Assess
    expect(issues).toEqual([]);
  });
});

describe("rows with errors", () => {
  it("stay in the model with the faulty fields empty and hasErrors", () => {
    // Prepare
    const snapshot = cleanPlan({ "Budget totale": "#REF!", Esito: "forse" });
    // Act
    const { plan } = analyzeWorkbook(snapshot);
    // Assess
    const p = plan.projects[0];
    expect(p?.hasErrors).toBe(true);
    expect(p?.totalBudget).toBeUndefined();
    expect(p?.outcome).toBeUndefined();
    expect(p?.submitted).toBe("2021-10-26");
  });

  it("the second and later duplicates are errors, the first is not", () => {
    // Prepare
    const snapshot = lines([["5.1", "Uno", 5, null], ["5.1", "Due", 5, null], ["5.1", "Tre", 5, null]]);
    // Act
    const { issues, plan } = analyzeWorkbook(snapshot);
    // Assess
    expect(codesAt(issues, "Linee!A2")).toEqual([]);
    expect(codesAt(issues, "Linee!A3")).toEqual(["duplicate.code"]);
    expect(codesAt(issues, "Linee!A4")).toEqual(["duplicate.code"]);
    expect(plan.lines.map((l) => l.hasErrors === true)).toEqual([false, true, true]);
  });

  it("reports no sheet recognised once, with an empty cell", () => {
    // Act
    const { issues } = analyzeWorkbook(workbook(["Foglio1", [["Appunti"], ["ricontrollare"]]]));
    // Assess
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "sheet.not-recognised", severity: "error", cell: "", row: 0 });
  });
});
