/**
 * SPEC §3: "unknown columns are kept (as 'extra') and never an error" — on every sheet kind, not
 * only projects: priorities, lines, budget and the annual report's combined layout.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeWorkbook } from "#core/analyze.ts";
import type { Analysis } from "#core/analyze.ts";
import { HEADINGS, fieldForHeading, foldHeading } from "#core/sheets/headings.ts";
import type { SheetKind } from "#core/sheets/headings.ts";
import type { CellValue } from "#core/snapshot/types.ts";
import { SheetBuilder } from "#samples/sheet-builder.ts";
import { combinedSheets, extraPlanSheets, snapshotOf } from "#tests/core/sync/extra-fixtures.ts";

type Extras = Record<string, Record<string, string> | undefined>;

/** Every entity's extra by "kind:key", the way a reader of the plan sees it. */
function extrasOf({ plan }: Analysis): Extras {
  const out: Extras = {};
  for (const p of plan.priorities) out[`priority:${p.code}`] = p.extra;
  for (const l of plan.lines) out[`line:${l.code}`] = l.extra;
  for (const b of plan.budget) out[`budget:${b.project}|${b.categoryLabel ?? ""}`] = b.extra;
  return out;
}

describe("unknown columns of priorities, lines and budget sheets", () => {
  it.each<[string, () => ReturnType<typeof extraPlanSheets>, Extras]>([
    [
      "Priorità with Note and Referente (a blank Note is dropped)",
      () => extraPlanSheets({ priorities: true }),
      { "priority:5": { Note: "da rivedere", Referente: "M. Rossi" }, "priority:6": { Referente: "L. Bianchi" } },
    ],
    ["Linee with Referente (a row with the cell blank has no extra)", () => extraPlanSheets({ lines: true }), { "line:5.1": { Referente: "G. Verdi" }, "line:6.1": undefined }],
    ["Budget with Note", () => extraPlanSheets({ budget: true }), { "budget:DGH|Personale": { Note: "preventivo 3/2025" }, "budget:DGH|Spese generali": undefined }],
    ["combined layout with Note: the row's line keeps it, the priority cell defines no extra", () => combinedSheets(true), { "priority:1": undefined, "line:1.1": { Note: "joint call" }, "line:1.2": undefined }],
  ])("%s", (_name, sheets, expected) => {
    // Prepare
    const snapshot = snapshotOf(sheets());
    // Act
    const analysis = analyzeWorkbook(snapshot);
    // Assess
    expect(extrasOf(analysis)).toMatchObject(expected);
    for (const [id, extra] of Object.entries(expected)) if (extra === undefined) expect(extrasOf(analysis)[id], id).toBeUndefined();
    expect(analysis.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it.each<[string, () => ReturnType<typeof extraPlanSheets>]>([
    ["plan without extra columns", () => extraPlanSheets()],
    ["combined layout without extra columns", () => combinedSheets()],
  ])("a %s gives no entity an extra field at all", (_name, sheets) => {
    // Act
    const { plan } = analyzeWorkbook(snapshotOf(sheets()));
    // Assess
    const all = [...plan.priorities, ...plan.lines, ...plan.projects, ...plan.budget];
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((e) => "extra" in e)).toEqual([]);
  });
});

describe("a second column of a known field is not an unknown column", () => {
  it.each<[string, string[], CellValue[], string, Record<string, string>]>([
    ["Priorità", ["N.", "Codice", "Priorità strategica", "Note"], [5, "P5", "Big Data", "ok"], "priority", { Note: "ok" }],
    ["Linee", ["Codice", "N.", "Linea di intervento", "Priorità", "Priorità strategica", "Referente"], ["5.1", "1", "Repositioning", 5, "5 Big Data", "Sauro"], "line", { Referente: "Sauro" }],
    ["Budget", ["Progetto", "Acronimo", "Voce", "Importo", "Note"], ["DGH", "DigitalGreenHealth", "Personale", 100, "stima"], "budget", { Note: "stima" }],
  ])("%s with headings %j keeps only the unknown ones", (sheet, headings, cells, kind, expected) => {
    // Prepare
    const b = new SheetBuilder(sheet);
    b.header(headings);
    b.row(cells);
    // Act
    const { plan } = analyzeWorkbook(snapshotOf([b.build()]));
    // Assess
    const entity = kind === "priority" ? plan.priorities[0] : kind === "line" ? plan.lines[0] : plan.budget[0];
    expect(entity?.extra).toEqual(expected);
  });
});

const KINDS: readonly [SheetKind, string, string][] = [
  ["priorities", "Priorità", "priority"],
  ["lines", "Linee", "line"],
  ["budget", "Budget", "budget"],
];

/** Headings no kind recognises. */
const unknownHeading = fc
  .stringMatching(/^[A-Za-z][A-Za-z ]{0,11}$/)
  .filter((h) => h.trim() !== "" && !["priorities", "lines", "projects", "budget"].some((k) => fieldForHeading(k as SheetKind, foldHeading(h)) !== undefined));

describe("a recognised column never ends up in extra", () => {
  it.each(KINDS)("%s: any known headings (one or two per field) plus unknown ones → extra holds exactly the unknown, non-blank cells", (kind, sheetName) => {
    const fields = Object.entries(HEADINGS[kind]) as [string, readonly string[]][];
    let checked = 0;
    fc.assert(
      fc.property(
        // One or two synonyms per picked field: a second column of a known field is not unknown either.
        fc
          .shuffledSubarray(fields, { minLength: 2 })
          .chain((picked) => fc.tuple(...picked.map(([, synonyms]) => fc.shuffledSubarray([...synonyms], { minLength: 1, maxLength: 2 }))))
          .map((groups) => groups.flat()),
        fc.uniqueArray(unknownHeading, { minLength: 1, maxLength: 3, selector: (h) => foldHeading(h) }),
        fc.array(fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.integer()), { minLength: 3, maxLength: 3 }),
        (known, unknown, cells) => {
          // Prepare: known columns get plausible values, unknown columns the generated cells.
          const b = new SheetBuilder(sheetName);
          b.header([...known, ...unknown]);
          const row: CellValue[] = [...known.map((h) => sample(kind, h)), ...unknown.map((_h, i) => cells[i] ?? null)];
          b.row(row);
          // Act
          const analysis = analyzeWorkbook(snapshotOf([b.build()]));
          // Assess: only when the sheet was read as this kind (two known headings may suit another kind better).
          const info = analysis.sheets[0];
          if (info?.kind !== kind && !(kind === "lines" && info?.kind === "combined")) return;
          const entities = kind === "priorities" ? analysis.plan.priorities : kind === "lines" ? analysis.plan.lines : analysis.plan.budget;
          for (const e of entities) {
            for (const heading of Object.keys(e.extra ?? {})) expect(fieldForHeading(kind, foldHeading(heading)), heading).toBeUndefined();
            const expected: Record<string, string> = {};
            unknown.forEach((h, i) => {
              const v = cells[i];
              const t = v === null || v === undefined ? "" : String(v).trim();
              if (t !== "") expected[h.replace(/\s+/g, " ").trim()] = t;
            });
            expect(e.extra ?? {}).toEqual(expected);
            checked++;
          }
        },
      ),
      { numRuns: 200 },
    );
    // The property must have been exercised, not skipped by recognition.
    expect(checked).toBeGreaterThan(50);
  });
});

/** A plausible cell for a known heading, so the row reads as a row of its kind. */
function sample(kind: SheetKind, heading: string): CellValue {
  const field = fieldForHeading(kind, foldHeading(heading));
  switch (field) {
    case "code":
      return kind === "lines" ? "5.1" : 5;
    case "priority":
      return 5;
    case "amount":
      return 1000;
    case "year":
      return 2025;
    case "rate":
      return "25%";
    case "project":
      return "DGH";
    case "category":
      return "Personale";
    default:
      return "Testo di prova";
  }
}
