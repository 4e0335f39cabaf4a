import { describe, expect, it } from "vitest";
import type { CellValue, Locale } from "#core/snapshot/types.ts";
import { parseMoney, parseNumber, parsePercent, centsToEuro, formatMoney } from "#core/values/index.ts";
import type { ValueErrorCode } from "#core/values/index.ts";

describe("parseNumber", () => {
  it.each<[CellValue, Locale, number]>([
    // SPEC §4 examples (it)
    ["€ 499.875,00", "it", 499875],
    ["499.875", "it", 499875],
    ["1.500", "it", 1500],
    ["1,5", "it", 1.5],
    ["260 milioni", "it", 260000000],
    ["12.5", "it", 12.5],
    // English variants
    ["1,500", "en", 1500],
    ["€499,875.00", "en", 499875],
    ["499,875", "en", 499875],
    ["12.5", "en", 12.5],
    ["1.500", "en", 1.5],
    ["260 million", "en", 260000000],
    ["2.5 billion", "en", 2500000000],
    ["1,000,000", "en", 1000000],
    ["1.000.000", "en", 1000000],
    // magnitude words, currency, spaces
    ["1,5 mln", "it", 1500000],
    ["1,5 mln €", "it", 1500000],
    ["2 mld", "it", 2000000000],
    ["3 miliardi", "it", 3000000000],
    ["20k", "it", 20000],
    ["20 k€", "it", 20000],
    ["55 milioni di euro", "it", 55000000],
    ["260 millions €", "en", 260000000],
    ["EUR 1.000", "it", 1000],
    ["1.000 EUR", "it", 1000],
    ["130.000,00 €", "it", 130000],
    ["1\u00a0500\u00a0000", "it", 1500000],
    ["1 500,50", "it", 1500.5],
    ["  42  ", "it", 42],
    ["+7", "it", 7],
    ["0,25", "it", 0.25],
    [",5", "it", 0.5],
    ["0.500", "it", 0.5],
    ["1234.567", "it", 1234.567],
    ["1,000,000", "it", 1000000],
    ["1,000.5", "it", 1000.5],
    ["-0", "it", 0],
    // numeric cells as they are
    [499875, "it", 499875],
    [0.1, "en", 0.1],
    [0, "it", 0],
  ])("reads %j under %s as %d", (input, locale, expected) => {
    // Prepare / Act
    const r = parseNumber(input, locale);
    // Assess
    expect(r).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, Locale, ValueErrorCode]>([
    ["-5", "it", "value.negative"],
    ["€ -1.000,00", "it", "value.negative"],
    ["(1.000)", "it", "value.negative"],
    ["\u22123", "en", "value.negative"],
    [-1, "it", "value.negative"],
    [Number.NaN, "it", "value.not-finite"],
    [Number.POSITIVE_INFINITY, "it", "value.not-finite"],
    ["NaN", "en", "value.not-finite"],
    ["Infinity", "en", "value.not-finite"],
    ["abc", "it", "value.not-a-number"],
    ["12 mesi", "it", "value.not-a-number"],
    ["1,5", "en", "value.not-a-number"],
    ["1.000.5", "it", "value.not-a-number"],
    ["1.2,5", "it", "value.not-a-number"],
    ["--5", "it", "value.not-a-number"],
    ["€", "it", "value.not-a-number"],
    ["25%", "it", "value.not-a-number"],
    ["", "it", "value.not-a-number"],
    [null, "it", "value.not-a-number"],
    [true, "it", "value.not-a-number"],
    ["#REF!", "it", "value.formula-error"],
    ["#DIV/0!", "en", "value.formula-error"],
  ])("rejects %j under %s with %s", (input, locale, reason) => {
    expect(parseNumber(input, locale)).toEqual({ ok: false, reason });
  });
});

describe("parseMoney", () => {
  it.each<[CellValue, Locale, number]>([
    ["€ 499.875,00", "it", 49987500],
    ["€499,875.00", "en", 49987500],
    ["499.875", "it", 49987500],
    ["1,5", "it", 150],
    ["260 milioni", "it", 26000000000],
    ["0,285", "it", 29],
    ["0,284", "it", 28],
    ["0,005", "it", 1],
    ["0,0049", "it", 0],
    ["1,23 k", "it", 123000],
    ["0.1", "en", 10],
    [0.285, "it", 29],
    [1.005, "it", 101],
    [499875, "it", 49987500],
    [1e-7, "it", 0],
    [1e12, "it", 100000000000000],
  ])("reads %j under %s as %d cents", (input, locale, cents) => {
    expect(parseMoney(input, locale)).toEqual({ ok: true, value: cents });
  });

  it.each<[CellValue, Locale, ValueErrorCode]>([
    ["-1", "it", "value.negative"],
    ["#N/A", "it", "value.formula-error"],
    ["molto", "it", "value.not-a-number"],
    [1e21, "it", "value.not-finite"],
    ["999.999.999.999.999.999", "it", "value.not-finite"],
  ])("rejects %j under %s with %s", (input, locale, reason) => {
    expect(parseMoney(input, locale)).toEqual({ ok: false, reason });
  });
});

describe("parsePercent", () => {
  it.each<[CellValue, Locale, number]>([
    ["25%", "it", 0.25],
    ["25 %", "it", 0.25],
    ["12,5%", "it", 0.125],
    ["7%", "en", 0.07],
    [0.25, "it", 0.25],
    ["0,25", "it", 0.25],
    [25, "it", 0.25],
    ["25", "it", 0.25],
    [1, "it", 1],
    ["150%", "en", 1.5],
  ])("reads %j under %s as %d", (input, locale, expected) => {
    expect(parsePercent(input, locale)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, ValueErrorCode]>([
    ["%", "value.not-a-number"],
    ["-5%", "value.negative"],
    ["venti%", "value.not-a-number"],
    ["#VALUE!", "value.formula-error"],
  ])("rejects %j with %s", (input, reason) => {
    expect(parsePercent(input, "it")).toEqual({ ok: false, reason });
  });
});

describe("money output", () => {
  it.each<[number, number]>([
    [49987500, 499875],
    [49987501, 499875.01],
    [5, 0.05],
    [0, 0],
  ])("centsToEuro(%d) is %d", (cents, euro) => {
    expect(centsToEuro(cents)).toBe(euro);
  });

  it.each<[number, Locale, string]>([
    [49987500, "it", "€ 499.875,00"],
    [49987500, "en", "€499,875.00"],
    [5, "it", "€ 0,05"],
    [123456789, "en", "€1,234,567.89"],
    [100000, "it", "€ 1.000,00"],
    [-250, "it", "-€ 2,50"],
  ])("formatMoney(%d, %s) is %s", (cents, locale, text) => {
    expect(formatMoney(cents, locale)).toBe(text);
  });
});
