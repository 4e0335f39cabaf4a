import { describe, expect, it } from "vitest";
import { fieldForHeading, foldHeading, HEADINGS, SHEET_KINDS } from "#core/sheets/headings.ts";
import type { SheetKind } from "#core/sheets/headings.ts";
import { recognizeSheet } from "#core/sheets/recognize.ts";
import type { CellValue, SheetSnapshot } from "#core/snapshot/types.ts";

const sheet = (name: string, values: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({ name, values, ...extra });

describe("heading folding", () => {
  it.each([
    ["Priorita strategica", "lines", "priority"],
    ["PRIORITÀ STRATEGICA ", "lines", "priority"],
    ["Priorità strategica:", "lines", "priority"],
    ["Priorità\u00a0\u00a0strategica", "lines", "priority"],
    ["Strategic priority", "lines", "priority"],
    ["Priorità", "priorities", "code"],
    ["Priorità", "lines", "priority"],
    ["Descrizione", "projects", "objectives"],
    ["Descrizione", "budget", "description"],
    ["Linea", "lines", "title"],
    ["Linea", "projects", "line"],
    ["Codice", "projects", "code"],
    ["Durata (mesi)", "projects", "durationMonths"],
    ["Type of project(s)", "lines", "types"],
    ["Call identifier", "projects", "call"],
    ["Stato progetto", "projects", "outcome"],
    ["#", "priorities", "code"],
    ["Budget totale (€)", "projects", "totalBudget"],
    ["Grant firmato", "projects", "grantSigned"],
    ["PRL", "projects", "prlStated"],
  ] as [string, SheetKind, string][])("%j in a %s sheet is the %s field", (heading, kind, field) => {
    // Prepare / Act
    const found = fieldForHeading(kind, foldHeading(heading));
    // Assess
    expect(found).toBe(field);
  });

  it("every synonym of every kind is recognised, as its own field or one that lists it too", () => {
    for (const kind of SHEET_KINDS) {
      const table = HEADINGS[kind] as Record<string, readonly string[]>;
      for (const [field, synonyms] of Object.entries(table)) {
        for (const s of synonyms) {
          // Act
          const mapped = fieldForHeading(kind, foldHeading(s));
          // Assess: a synonym listed under two fields of one kind resolves to one of them.
          expect(mapped, `${kind}: ${s}`).toBeDefined();
          if (mapped !== field) expect(table[mapped ?? ""]?.map(foldHeading), `${kind}: ${s}`).toContain(foldHeading(s));
        }
      }
    }
  });
});

describe("recognizeSheet", () => {
  it.each([
    ["a priorities sheet", sheet("Foglio1", [["N.", "Priorità strategica", "Descrizione"]]), "priorities", 1],
    ["a lines sheet with reordered columns", sheet("X", [["Priorità", "Tipologia di progetto", "Linea di intervento", "Codice"]]), "lines", 1],
    ["a projects sheet below title and blank rows", sheet("P", [["Progetti 2022"], [], [null, null], ["Acronimo", "Codice", "Titolo", "Esito"]]), "projects", 4],
    ["a budget sheet with English headings", sheet("Costs", [["Project", "Cost category", "Amount"]]), "budget", 1],
    ["the annual report's combined layout", sheet("Tabella", [["Strategic priority", "Line of intervention", "Type of project(s)"]]), "lines", 1],
  ])("recognises %s", (_what, s, kind, headerRow) => {
    // Act
    const r = recognizeSheet(s);
    // Assess
    expect(r?.kind).toBe(kind);
    expect(r?.headerRow).toBe(headerRow);
  });

  it.each([
    ["Priorità", "priorities"],
    ["Linee", "lines"],
  ])("breaks a tie between kinds by the sheet name %j", (name, kind) => {
    // Prepare: "Priorità | Titolo" is code+title of priorities and reference+title of lines.
    const s = sheet(name, [["Priorità", "Titolo"]]);
    // Act / Assess
    expect(recognizeSheet(s)?.kind).toBe(kind);
  });

  it.each([
    ["a single known heading", sheet("Progetti", [["Codice", "Foo", "Bar"]])],
    ["a header below row 10", sheet("Progetti", [...Array.from({ length: 10 }, () => ["testo"]), ["Codice", "Acronimo", "Titolo"]])],
    ["the add-in's sync sheet", sheet("_actionplan_sync", [["Codice", "Acronimo", "Titolo"]])],
    ["a very hidden sheet", sheet("Impostazioni", [["Codice", "Acronimo", "Titolo"]], { hidden: "very" })],
    ["an empty sheet", sheet("Vuoto", [])],
  ])("does not recognise %s", (_what, s) => {
    expect(recognizeSheet(s)).toBeUndefined();
  });

  it("keeps unknown and repeated columns as extra, with headings as written", () => {
    // Prepare
    const s = sheet("Progetti", [["Codice ", "Note", "Titolo", "Codice", 2022]]);
    // Act
    const r = recognizeSheet(s);
    // Assess
    expect(r?.columns.get("code")).toEqual({ col: 1, heading: "Codice" });
    expect(r?.extra).toEqual([
      { col: 2, heading: "Note" },
      { col: 4, heading: "Codice" },
      { col: 5, heading: "2022" },
    ]);
  });
});
