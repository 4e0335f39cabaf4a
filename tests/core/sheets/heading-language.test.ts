/**
 * How an unsynced workbook's cells are read (issue #15: the message language is not the parsing
 * locale): the sync sheet's locale, else the CLI's --locale, else the language of the headings,
 * else Italian — so "1,2 mln" in an English workbook read with no flag is not read as Italian.
 */
import { describe, expect, it } from "vitest";
import { headingLanguage, readingLocale } from "#core/sheets/heading-language.ts";
import type { CellValue, Locale, SheetSnapshot, WorkbookSnapshot } from "#core/snapshot/types.ts";
import { SYNC_SHEET_NAME, syncSheetValues } from "#core/sync/sync-sheet.ts";

const ITALIAN: CellValue[][] = [
  ["Codice", "Acronimo", "Titolo progetto", "Esito", "Costo totale"],
  ["P1", "DGH", "Salute digitale", "finanziato", "1,2 mln"],
];
const ENGLISH: CellValue[][] = [
  ["Code", "Acronym", "Project title", "Outcome", "Total cost"],
  ["P1", "DGH", "Digital health", "funded", "1.2m"],
];

function workbook(values: CellValue[][], syncLocale?: Locale): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [{ name: "Projects", values }];
  if (syncLocale) sheets.push({ name: SYNC_SHEET_NAME, values: syncSheetValues({ planId: "p", rows: {}, locale: syncLocale }) });
  return { origin: "xlsx", sheets };
}

describe("headingLanguage", () => {
  it.each([
    ["Italian", ITALIAN, "it"],
    ["English", ENGLISH, "en"],
    ["no recognised", [["Note", "Altro"]], undefined],
  ] as const)("tells %s headings", (_name, values, expected) => {
    expect(headingLanguage(workbook(values.map((r) => [...r])))).toBe(expected);
  });
});

describe("readingLocale", () => {
  it.each([
    ["the sync sheet's locale before the flag and the headings", workbook(ENGLISH, "it"), "en", "it"],
    ["the flag before the headings", workbook(ENGLISH), "it", "it"],
    ["the headings' language when nothing else says", workbook(ENGLISH), undefined, "en"],
    ["Italian headings read as Italian", workbook(ITALIAN), undefined, "it"],
    ["Italian when the headings do not tell", workbook([["Note"]]), undefined, "it"],
  ] as const)("takes %s", (_name, snapshot, flag, expected) => {
    expect(readingLocale(snapshot, flag)).toBe(expected);
  });
});
