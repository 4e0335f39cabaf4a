import { describe, expect, it } from "vitest";
import { analyzeWorkbook } from "#core/analyze.ts";
import { annualReport2022, ANNUAL_REPORT_2022, ANNUAL_REPORT_SHEET, snapshotOf } from "#samples/seed-workbook.ts";
import { CLUSTER_2020_BUDGET } from "#samples/plan-content.ts";
import { BUDGET_HEADER, codesAt, LINE_HEADER, PRIORITY_HEADER, PROJECT_HEADER, refsOf, workbook } from "#tests/core/analyze/workbook.ts";
import type { CellValue } from "#core/snapshot/types.ts";

const SEED_003_LINES: [string, string][] = [
  ["5.1", "Big Data per il repositioning dei farmaci"],
  ["5.2", "Fascicolo sanitario interoperabile e condiviso"],
  ["5.3", "Servizi data-driven e terapie digitali"],
  ["5.4", "Percorsi formativi su Big Data e Intelligenza Artificiale, fruibilità e personalizzazione human centered dei servizi per la Salute"],
  ["5.5", "Centro di eccellenza per il modelling e la simulazione applicata al design di prodotti e processi produttivi"],
  ["5.6", "Digital Twin nella pratica clinica"],
  ["5.7", "In Silico Trials per la sperimentazione animale e clinica"],
];

describe("combined layout of the 2022 annual report", () => {
  it("yields priorities 1–5 and their 22 lines from merged priority cells and lines without codes", () => {
    // Prepare
    const snapshot = snapshotOf(annualReport2022());
    // Act
    const { plan, sheets, issues } = analyzeWorkbook(snapshot);
    // Assess
    expect(plan.priorities.map((p) => p.code)).toEqual(["1", "2", "3", "4", "5"]);
    expect(plan.priorities[4]?.title).toBe("BIG DATA AND ARTIFICIAL INTELLIGENCE FOR HEALTH AND WELLNESS");
    expect(plan.lines).toHaveLength(ANNUAL_REPORT_2022.reduce((n, g) => n + g.lines.length, 0));
    expect(plan.lines.filter((l) => l.priority === "5").map((l) => l.code)).toEqual(["5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7"]);
    expect(plan.lines.every((l) => l.codeAssigned === true)).toBe(true);
    expect(sheets[0]).toMatchObject({ name: ANNUAL_REPORT_SHEET, kind: "combined", headerRow: 3 });
    expect(refsOf(issues, "line.code-assigned")[0]).toBe(`${ANNUAL_REPORT_SHEET}!B4`);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("is only a reference when the workbook has a priorities sheet: a differing title is not an error", () => {
    // Prepare
    const snapshot = workbook(
      ["Priorità", [PRIORITY_HEADER, [5, "Big Data e Intelligenza Artificiale per la Salute ed il Benessere", null]]],
      ["Linee", [["Strategic priority", "Line of intervention", "Type of project(s)"], ["5 BIG DATA AND ARTIFICIAL INTELLIGENCE", "5.1 Big Data per il repositioning dei farmaci", "R&I projects"]]],
    );
    // Act
    const { plan, issues, sheets } = analyzeWorkbook(snapshot);
    // Assess
    expect(plan.priorities).toHaveLength(1);
    expect(plan.lines[0]).toMatchObject({ code: "5.1", priority: "5", title: "Big Data per il repositioning dei farmaci" });
    expect(issues).toEqual([]);
    expect(sheets[1]?.kind).toBe("lines");
  });
});

describe("lines", () => {
  it("reads lines 5.1–5.7 of seed 003 with the code inside the title and the priority filled down", () => {
    // Prepare
    const rows: CellValue[][] = [["Linee di intervento — Priorità 5"], [], ["Priorità", "Linea di intervento"]];
    SEED_003_LINES.forEach(([code, title], i) => rows.push([i === 0 ? "5 Big Data e Intelligenza Artificiale per la Salute ed il Benessere" : null, `${code} ${title}`]));
    const snapshot = workbook(["Priorità", [PRIORITY_HEADER, [5, "Big Data e IA", null]]], ["Linee", rows]);
    // Act
    const { plan, issues } = analyzeWorkbook(snapshot);
    // Assess
    expect(plan.lines.map((l) => [l.code, l.title])).toEqual(SEED_003_LINES);
    expect(plan.lines.every((l) => l.priority === "5")).toBe(true);
    expect(issues).toEqual([]);
  });

  it("assigns <priority>.<n> in order of appearance, skipping codes already written", () => {
    // Prepare
    const snapshot = workbook(
      ["Priorità", [PRIORITY_HEADER, [5, "Big Data", null]]],
      ["Linee", [LINE_HEADER, [null, "Digital Twin", 5, null], ["5.2", "Fascicolo", 5, null], [null, "In Silico Trials", 5, null]]],
    );
    // Act
    const { plan, issues } = analyzeWorkbook(snapshot);
    // Assess
    expect(plan.lines.map((l) => l.code)).toEqual(["5.1", "5.2", "5.3"]);
    expect(refsOf(issues, "line.code-assigned")).toEqual(["Linee!A2", "Linee!A4"]);
    expect(issues.every((i) => i.severity === "warning")).toBe(true);
  });

  it("reads merged areas as their top-left value", () => {
    // Prepare: the priority sits in a merged C2:C3 and the producer left C3 null.
    const snapshot = workbook(
      ["Priorità", [PRIORITY_HEADER, [4, "Dispositivi medici", null], [5, "Big Data", null]]],
      ["Linee", [LINE_HEADER, ["5.1", "Repositioning", 5, null], ["5.2", "Fascicolo", null, null], ["4.1", "Modelli", 4, null]], { merged: ["C2:C3"] }],
    );
    // Act
    const { plan } = analyzeWorkbook(snapshot);
    // Assess
    expect(plan.lines.map((l) => `${l.code}→${l.priority}`)).toEqual(["5.1→5", "5.2→5", "4.1→4"]);
  });
});

describe("projects", () => {
  it("reads the DigitalGreenHealth card of seed 003", () => {
    // Prepare
    const team = [
      "1 Agentia Pentru Dezvoltare Regionalanord-est (RO)",
      "2 Asociatia Clusterelor Din Romania (RO)",
      "3 Zenit Zentrum Fur Innovation Und Technik In Nordrhein-westfalen Gmbh (DE)",
      "4 Clust-er Industrie della Salute e del Benessere (IT)",
      "5 Fundacion Para La Formacion E Investigacion De Los Profesionales De Lasalud De Extremadura Fundesalud (ES)",
      "6 Association Europeenne Des Agences De Developpement (BE)",
      "7 Multihelix Ab (SE)",
    ].join("\n");
    const snapshot = workbook(
      ["Linee", [LINE_HEADER, ["5.2", "Fascicolo sanitario interoperabile e condiviso", 5, null]]],
      ["Progetti", [
        ["Programma", "Call", "Data application", "Titolo progetto", "Acronimo", "Linea", "Abstract", "Team di progetto", "Budget totale", "Esito"],
        ["HORIZON EUROPE ", "HORIZON-EIE-2021-CONNECT-01", "26 October 2021", "Strengthening interregional cooperation among digital and green health innovation ecosystems", "DigitalGreenHealth", "5.2 Fascicolo sanitario", "The Digital Green Health Space project …", team, "€ 499.875,00", "in attesa di valutazione"],
      ]],
    );
    // Act
    const { plan, issues } = analyzeWorkbook(snapshot);
    // Assess
    const p = plan.projects[0];
    expect(p).toMatchObject({
      key: "DigitalGreenHealth",
      acronym: "DigitalGreenHealth",
      line: "5.2",
      programme: "Horizon Europe",
      call: "HORIZON-EIE-2021-CONNECT-01",
      submitted: "2021-10-26",
      totalBudget: 49_987_500,
      outcome: "under-evaluation",
    });
    expect(p?.partners).toHaveLength(7);
    expect(p?.partners?.[6]).toBe("Multihelix Ab (SE)");
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("fills the line column down, skips blank rows and keeps unknown columns in extra", () => {
    // Prepare
    const snapshot = workbook(
      ["Linee", [LINE_HEADER, ["5.1", "Repositioning", 5, null], ["5.2", "Fascicolo", 5, null]]],
      ["Progetti", [
        ["Linea", "Acronimo", "Titolo", "Referente"],
        ["5.1", "REPO-AI", "Repositioning con IA", "Sauro"],
        [null, null, null, null],
        [null, "REPO-2", "Seconda fase", null],
        ["5.2", "EHR", "Fascicolo", "Anna"],
      ]],
    );
    // Act
    const { plan, issues } = analyzeWorkbook(snapshot);
    // Assess
    expect(plan.projects.map((p) => `${p.key}@${p.line}:${p.source?.row}`)).toEqual(["REPO-AI@5.1:2", "REPO-2@5.1:4", "EHR@5.2:5"]);
    expect(plan.projects[0]?.extra).toEqual({ Referente: "Sauro" });
    expect(issues).toEqual([]);
  });

  it.each(["Totale", "Total", "TOTALE", "Totali"])("never reads a %j row as a project and checks its sums", (word) => {
    // Prepare
    const header = ["Codice", "Titolo", "Budget totale", "Contributo richiesto"];
    const snapshot = workbook(["Progetti", [header, ["A", "Uno", 100, 80], ["B", "Due", "1.000,50", 20], [word, null, "1.100,50", 99]]]);
    // Act
    const { plan, issues } = analyzeWorkbook(snapshot);
    // Assess
    expect(plan.projects.map((p) => p.key)).toEqual(["A", "B"]);
    expect(codesAt(issues, "Progetti!C4")).toEqual([]);
    expect(codesAt(issues, "Progetti!D4")).toEqual(["totals.mismatch"]);
    expect(issues[0]?.message).toContain("€ 99,00");
    expect(issues[0]?.message).toContain("€ 100,00");
  });
});

describe("budget", () => {
  const seedRows = (): CellValue[][] => CLUSTER_2020_BUDGET.map(([project, voce, descr, amount]) => [project, voce, descr, amount as CellValue]);

  it("reads the 200 000 € budget of seed 001: categories, the stated 25 % and a matching total", () => {
    // Prepare
    const snapshot = workbook(["Budget", [BUDGET_HEADER, ...seedRows(), ["Totale Costi Progetto", null, null, "200.000,00 €"]]]);
    // Act
    const { plan, issues } = analyzeWorkbook(snapshot);
    // Assess
    expect(plan.budget.map((b) => b.category)).toEqual(["coordinator", "personnel", "equipment", "communication", "overhead"]);
    expect(plan.budget.map((b) => b.amount)).toEqual([13_000_000, 3_000_000, 0, 0, 4_000_000]);
    expect(plan.budget[4]?.rate).toBe(0.25);
    expect(issues).toEqual([]);
  });

  it("warns when the totals row differs from the rows, naming both values", () => {
    // Prepare
    const snapshot = workbook(["Budget", [BUDGET_HEADER, ...seedRows(), ["Totale", null, null, "210.000,00 €"]]]);
    // Act
    const { issues } = analyzeWorkbook(snapshot);
    // Assess
    expect(codesAt(issues, "Budget!D7")).toEqual(["totals.mismatch"]);
    expect(issues[0]?.message).toMatch(/€ 210\.000,00.*€ 200\.000,00/);
  });

  it("warns when a matching total differs from the computed total of its project", () => {
    // Prepare: E states 50 000 (25 % of 160 000 is 40 000); the totals row adds up the rows.
    const rows = seedRows();
    rows[4] = ["CLUSTER-2020", "E", "Spese generali 25%", "50.000,00 €"];
    const snapshot = workbook(["Budget", [BUDGET_HEADER, ...rows, ["Totale", null, null, "210.000,00 €"]]]);
    // Act
    const { issues } = analyzeWorkbook(snapshot);
    // Assess
    expect(codesAt(issues, "Budget!D6")).toEqual(["budget.overhead-differs"]);
    expect(codesAt(issues, "Budget!D7")).toEqual(["budget.total-differs"]);
  });

  it("reads a sheet without a project column as the budget of the project named by the sheet", () => {
    // Prepare
    const snapshot = workbook(["CLUSTER-2020", [["Voce", "Importo"], ["A", 130_000], ["B", 30_000], ["E) Spese generali 25%", 40_000]]]);
    // Act
    const { plan, issues } = analyzeWorkbook(snapshot);
    // Assess
    expect(new Set(plan.budget.map((b) => b.project))).toEqual(new Set(["CLUSTER-2020"]));
    expect(issues).toEqual([]);
  });
});

describe("messy headings", () => {
  it("reads English headings, missing accents, trailing spaces and a title row above the header", () => {
    // Prepare
    const snapshot = workbook(
      ["Strategic priorities", [["Action Plan"], ["No.", "Strategic priority ", "Description"], [5, "Big Data", null]]],
      ["Lines", [["Code", "Line of intervention", "Priorita strategica:", "Type"], ["5.1", "Repositioning", "5", "R&I projects; Infrastructure"]]],
      ["Projects", [PROJECT_HEADER.map((h) => `${String(h)} `), ["X", null, "Titolo", "5.1", null, null, null, null, null, null, null, null, null]]],
    );
    // Act
    const { plan, issues, sheets } = analyzeWorkbook(snapshot);
    // Assess
    expect(sheets.map((s) => s.kind)).toEqual(["priorities", "lines", "projects"]);
    expect(plan.lines[0]?.types).toEqual(["R&I projects", "Infrastructure"]);
    expect(plan.projects[0]).toMatchObject({ key: "X", line: "5.1" });
    expect(issues).toEqual([]);
  });
});

describe("stated overhead rates", () => {
  it.each<[string, CellValue[], number]>([
    ["in the category label", ["P1", "E) Spese generali 20%", null, 32_000], 0.2],
    ["in the description", ["P1", "Costi indiretti", "Forfettario 20 %", 32_000], 0.2],
    ["in the amount cell", ["P1", "Spese generali", null, "20%"], 0.2],
  ])("reads a rate written %s and checks the overhead with it", (_where, overheadRow, rate) => {
    // Prepare: 160 000 direct at 20 % is 32 000.
    const snapshot = workbook(["Budget", [BUDGET_HEADER, ["P1", "A", null, 130_000], ["P1", "B", null, 30_000], overheadRow]]);
    // Act
    const { plan, issues } = analyzeWorkbook(snapshot);
    // Assess
    expect(plan.budget[2]?.rate).toBe(rate);
    expect(issues).toEqual([]);
  });

  it("without a stated rate, checks the overhead at 25 %", () => {
    // Prepare
    const snapshot = workbook(["Budget", [BUDGET_HEADER, ["P1", "A", null, 130_000], ["P1", "B", null, 30_000], ["P1", "Spese generali", null, 32_000]]]);
    // Act
    const { issues } = analyzeWorkbook(snapshot);
    // Assess
    expect(codesAt(issues, "Budget!D4")).toEqual(["budget.overhead-differs"]);
    expect(issues[0]?.message).toContain("€ 40.000,00");
  });
});

describe("priorities", () => {
  it("numbers priorities written as titles in a \"Priorità\" column, with a warning", () => {
    // Prepare
    const snapshot = workbook(["Priorità", [["Priorità", "Descrizione"], [4, "Dispositivi"], ["Big Data e Intelligenza Artificiale", "Dati"], ["Medicina di genere", null]]]);
    // Act
    const { plan, issues } = analyzeWorkbook(snapshot);
    // Assess
    expect(plan.priorities.map((p) => [p.code, p.title])).toEqual([["4", ""], ["5", "Big Data e Intelligenza Artificiale"], ["6", "Medicina di genere"]]);
    expect(refsOf(issues, "priority.code-assigned")).toEqual(["Priorità!A3", "Priorità!A4"]);
  });
});
