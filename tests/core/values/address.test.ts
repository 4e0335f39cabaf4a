import { describe, expect, it } from "vitest";
import { columnIndex, columnLetter, parseA1, parseRange, toA1, tryParseA1, tryParseRange } from "#core/values/index.ts";

describe("columns", () => {
  it.each<[number, string]>([
    [1, "A"], [4, "D"], [26, "Z"], [27, "AA"], [52, "AZ"], [53, "BA"], [702, "ZZ"], [703, "AAA"], [16384, "XFD"],
  ])("column %d is %s", (n, letters) => {
    expect(columnLetter(n)).toBe(letters);
    expect(columnIndex(letters)).toBe(n);
    expect(columnIndex(letters.toLowerCase())).toBe(n);
  });

  it.each([0, -1, 1.5, Number.NaN])("columnLetter(%d) throws RangeError", (n) => {
    expect(() => columnLetter(n)).toThrow(RangeError);
  });

  it.each(["", "A1", "Ä"])("columnIndex(%j) throws RangeError", (s) => {
    expect(() => columnIndex(s)).toThrow(RangeError);
  });
});

describe("A1 addresses", () => {
  it.each<[string, number, number]>([
    ["D7", 7, 4], ["$D$7", 7, 4], ["d7", 7, 4], ["A1", 1, 1], ["XFD1048576", 1048576, 16384], ["AA10", 10, 27],
  ])("parseA1(%s) is row %d col %d", (a1, row, col) => {
    expect(parseA1(a1)).toEqual({ row, col });
  });

  it.each<[number, number, string]>([[7, 4, "D7"], [1, 1, "A1"], [10, 27, "AA10"]])("toA1(%d, %d) is %s", (row, col, a1) => {
    expect(toA1(row, col)).toBe(a1);
  });

  it.each(["", "7D", "A0", "XFE1", "A1048577", "A1:B2", "Sheet!A1"])("tryParseA1(%j) is undefined", (a1) => {
    expect(tryParseA1(a1)).toBeUndefined();
    expect(() => parseA1(a1)).toThrow(RangeError);
  });
});

describe("ranges", () => {
  it.each<[string, ReturnType<typeof parseRange>]>([
    ["A2:B5", { top: 2, left: 1, bottom: 5, right: 2 }],
    ["$A$2:$B$5", { top: 2, left: 1, bottom: 5, right: 2 }],
    ["B5:A2", { top: 2, left: 1, bottom: 5, right: 2 }],
    ["Sheet!A2:B5", { top: 2, left: 1, bottom: 5, right: 2, sheet: "Sheet" }],
    ["'My sheet'!A2", { top: 2, left: 1, bottom: 2, right: 1, sheet: "My sheet" }],
    ["'It''s'!C3", { top: 3, left: 3, bottom: 3, right: 3, sheet: "It's" }],
    ["D7", { top: 7, left: 4, bottom: 7, right: 4 }],
    ["A:B", { top: 1, left: 1, bottom: 1048576, right: 2 }],
    ["2:5", { top: 2, left: 1, bottom: 5, right: 16384 }],
  ])("parseRange(%j)", (r, range) => {
    expect(parseRange(r)).toEqual(range);
  });

  it.each(["", "A1:", "A1:2", "A:1", "Sheet!", "A1:B2:C3"])("tryParseRange(%j) is undefined", (r) => {
    expect(tryParseRange(r)).toBeUndefined();
    expect(() => parseRange(r)).toThrow(RangeError);
  });
});
