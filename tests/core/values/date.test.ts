import { describe, expect, it } from "vitest";
import type { CellValue, Locale } from "#core/snapshot/types.ts";
import { isoToSerial, monthsBetween, parseDate, serialToIso } from "#core/values/index.ts";
import type { ValueErrorCode } from "#core/values/index.ts";

describe("parseDate", () => {
  it.each<[CellValue, Locale, string]>([
    [44495, "it", "2021-10-26"],
    [44495.75, "it", "2021-10-26"],
    [61, "it", "1900-03-01"],
    [2958465, "en", "9999-12-31"],
    ["26/10/2021", "it", "2021-10-26"],
    ["6/3/2021", "it", "2021-03-06"],
    ["26-10-2021", "it", "2021-10-26"],
    ["26.10.2021", "it", "2021-10-26"],
    ["26/10/21", "it", "2021-10-26"],
    ["26/10/2021 10:30", "it", "2021-10-26"],
    ["2021-10-26", "it", "2021-10-26"],
    ["2021-10-26", "en", "2021-10-26"],
    ["2021-10-26T23:30:00Z", "it", "2021-10-26"],
    ["2021/3/6", "it", "2021-03-06"],
    ["10/26/2021", "en", "2021-10-26"],
    ["3/6/2021", "en", "2021-03-06"],
    ["10-26-2021", "en", "2021-10-26"],
    ["26.10.2021", "en", "2021-10-26"],
    ["26 ottobre 2021", "it", "2021-10-26"],
    ["26 Ottobre 2021", "en", "2021-10-26"],
    ["26 October 2021", "en", "2021-10-26"],
    ["October 26, 2021", "en", "2021-10-26"],
    ["1° marzo 2022", "it", "2022-03-01"],
    ["26 ott. 2021", "it", "2021-10-26"],
    ["26-Oct-2021", "en", "2021-10-26"],
    ["26-ott-21", "it", "2021-10-26"],
    ["ott 2021", "it", "2021-10-01"],
    ["ottobre 2021", "it", "2021-10-01"],
    ["Oct 2021", "en", "2021-10-01"],
    ["Oct-21", "en", "2021-10-01"],
    ["10/2021", "it", "2021-10-01"],
    ["29/02/2024", "it", "2024-02-29"],
    ["29/02/2000", "it", "2000-02-29"],
    ["  1 gennaio 2030 ", "it", "2030-01-01"],
    ["31 dicembre 2029", "it", "2029-12-31"],
    ["15 agosto 1999", "it", "1999-08-15"],
  ])("reads %j under %s as %s", (input, locale, iso) => {
    expect(parseDate(input, locale)).toEqual({ ok: true, value: iso });
  });

  it.each<[CellValue, Locale, ValueErrorCode]>([
    ["31/02/2022", "it", "value.impossible-date"],
    ["29/02/2023", "it", "value.impossible-date"],
    ["29/02/1900", "it", "value.impossible-date"],
    ["26/10/2021", "en", "value.impossible-date"],
    ["2021-13-01", "it", "value.impossible-date"],
    ["0/10/2021", "it", "value.impossible-date"],
    ["31 aprile 2022", "it", "value.impossible-date"],
    ["1850-01-01", "it", "value.impossible-date"],
    ["32 ottobre 2021", "it", "value.impossible-date"],
    ["26 ottobrr 2021", "it", "value.not-a-date"],
    ["domani", "it", "value.not-a-date"],
    ["2021", "it", "value.not-a-date"],
    ["", "it", "value.not-a-date"],
    [null, "it", "value.not-a-date"],
    [true, "it", "value.not-a-date"],
    [0, "it", "value.not-a-date"],
    [-5, "it", "value.not-a-date"],
    [Number.NaN, "it", "value.not-a-date"],
    [3e6, "it", "value.not-a-date"],
    ["#N/A", "it", "value.formula-error"],
  ])("rejects %j under %s with %s", (input, locale, reason) => {
    expect(parseDate(input, locale)).toEqual({ ok: false, reason });
  });
});

describe("serial numbers", () => {
  it.each<[number, string]>([
    [44495, "2021-10-26"],
    [1, "1899-12-31"],
    [25569, "1970-01-01"],
    [36526, "2000-01-01"],
    [45351, "2024-02-29"],
    [2958465, "9999-12-31"],
  ])("serialToIso(%d) is %s and back", (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
    expect(isoToSerial(iso)).toBe(serial);
  });

  it.each(["2021-10-2", "26/10/2021", ""])("isoToSerial(%j) is NaN for a malformed date", (iso) => {
    expect(isoToSerial(iso)).toBeNaN();
  });
});

describe("monthsBetween", () => {
  it.each<[string, string, number]>([
    ["2021-10-26", "2021-10-26", 0],
    ["2021-10-26", "2022-10-25", 11],
    ["2021-10-26", "2022-10-26", 12],
    ["2021-10-26", "2022-10-27", 12],
    ["2021-10-26", "2022-11-26", 13],
    ["2021-01-31", "2021-02-28", 1],
    ["2021-01-31", "2021-02-27", 0],
    ["2022-10-26", "2021-10-26", -12],
    ["2020-02-29", "2021-02-28", 12],
  ])("from %s to %s is %d", (a, b, months) => {
    expect(monthsBetween(a, b)).toBe(months);
  });

  it("is NaN for a malformed date", () => {
    expect(monthsBetween("ieri", "2021-10-26")).toBeNaN();
  });
});
