import { describe, expect, it } from "vitest";
import type { CellValue } from "#core/snapshot/types.ts";
import { parseTick } from "#core/values/index.ts";
import type { ValueErrorCode } from "#core/values/index.ts";

describe("parseTick", () => {
  it.each<[CellValue, boolean]>([
    ["TRUE", true], ["VERO", true], ["Sì", true], ["SÌ", true], ["Si", true], ["si", true], ["Yes", true],
    ["X", true], ["x", true], ["✓", true], ["✔", true], ["1", true], [" yes ", true],
    [true, true], [1, true],
    [null, false], ["", false], ["\u00a0", false], ["FALSE", false], ["FALSO", false], ["No", false],
    ["0", false], ["?", false], ["N/D", false], ["n/d", false], [false, false], [0, false],
  ])("reads %j as %s", (input, ticked) => {
    expect(parseTick(input)).toEqual({ ok: true, value: ticked });
  });

  it.each<[CellValue, ValueErrorCode]>([
    ["forse", "value.not-a-tick"],
    ["maybe", "value.not-a-tick"],
    [2, "value.not-a-tick"],
    [0.5, "value.not-a-tick"],
    ["XX", "value.not-a-tick"],
    ["#REF!", "value.formula-error"],
  ])("rejects %j with %s", (input, reason) => {
    expect(parseTick(input)).toEqual({ ok: false, reason });
  });
});
