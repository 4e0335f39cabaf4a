import { describe, expect, it } from "vitest";
import type { CellValue } from "#core/snapshot/types.ts";
import { MAX_TEXT, cleanText, foldText, isBlank, isFormulaError, parseText } from "#core/values/index.ts";

describe("isBlank", () => {
  it.each<[CellValue, boolean]>([
    [null, true], ["", true], ["   ", true], ["\u00a0", true], [" \u00a0\t\n", true], ["\u200b", true],
    ["a", false], [" a ", false], [0, false], [false, false], ["0", false],
  ])("isBlank(%j) is %s", (v, blank) => {
    expect(isBlank(v)).toBe(blank);
  });
});

describe("cleanText", () => {
  it.each<[CellValue, string | undefined]>([
    ["  Horizon\u00a0", "Horizon"], ["\u00a0\u00a0", undefined], [null, undefined], ["", undefined],
    [5, "5"], [1.5, "1.5"], [true, "TRUE"], [false, "FALSE"], ["a  b", "a  b"],
  ])("cleanText(%j) is %j", (v, text) => {
    expect(cleanText(v)).toBe(text);
  });
});

describe("parseText", () => {
  it.each<[CellValue, ReturnType<typeof parseText>]>([
    [" ok ", { ok: true, value: "ok" }],
    [null, { ok: true, value: undefined }],
    ["x".repeat(MAX_TEXT), { ok: true, value: "x".repeat(MAX_TEXT) }],
    ["x".repeat(MAX_TEXT + 1), { ok: false, reason: "value.too-long" }],
    ["#NAME?", { ok: false, reason: "value.formula-error" }],
  ])("parseText of %#", (v, result) => {
    expect(parseText(v)).toEqual(result);
  });
});

describe("foldText", () => {
  it.each<[string, string]>([
    ["PRIORITÀ STRATEGICA :", "priorita strategica"],
    ["Priorita strategica", "priorita strategica"],
    ["Priorità\u00a0 strategica", "priorita strategica"],
    ["Type of project(s)", "type of project s"],
    ["Durata (mesi)", "durata mesi"],
    ["N.", "n"],
    ["Cod.", "cod"],
    ["  Data di presentazione:", "data di presentazione"],
    ["#", "#"],
    ["✓", "✓"],
    ["Erasmus+", "erasmus"],
    ["Marie Skłodowska-Curie", "marie sklodowska curie"],
    ["Straße", "strasse"],
    ["already folded", "already folded"],
  ])("foldText(%j) is %j", (s, folded) => {
    expect(foldText(s)).toBe(folded);
  });
});

describe("isFormulaError", () => {
  it.each<[CellValue, boolean]>([
    ["#REF!", true], ["#VALUE!", true], ["#N/A", true], ["#DIV/0!", true], ["#NAME?", true], ["#NUM!", true],
    ["#NULL!", true], ["#SPILL!", true], ["#CALC!", true], ["#GETTING_DATA", true], [" #n/a ", true],
    ["#", false], ["#1", false], ["REF!", false], [null, false], [7, false], ["N/A", false],
  ])("isFormulaError(%j) is %s", (v, error) => {
    expect(isFormulaError(v)).toBe(error);
  });
});
