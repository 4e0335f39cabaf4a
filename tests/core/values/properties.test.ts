import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Locale } from "#core/snapshot/types.ts";
import {
  columnIndex,
  columnLetter,
  formatMoney,
  isoToSerial,
  parseDate,
  parseMoney,
  parseNumber,
  parsePercent,
  parseTick,
  serialToIso,
  foldText,
} from "#core/values/index.ts";

const locales: Locale[] = ["it", "en"];
const cellValue = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.stringMatching(/^[-+€ ,.\d%kmlnid]{0,20}$/),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

describe("properties", () => {
  it.each(locales)("formatMoney then parseMoney returns the cents (%s)", (locale) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        expect(parseMoney(formatMoney(cents, locale), locale)).toEqual({ ok: true, value: cents });
      }),
      { numRuns: 2000 },
    );
  });

  it.each(locales)("parsers never throw and always return a result (%s)", (locale) => {
    fc.assert(
      fc.property(cellValue, (v) => {
        for (const r of [parseNumber(v, locale), parseMoney(v, locale), parsePercent(v, locale), parseDate(v, locale), parseTick(v)]) {
          expect(typeof r.ok).toBe("boolean");
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("parseNumber reads back any non-negative integer written with Italian grouping", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e15 }), (n) => {
        const text = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
        expect(parseNumber(text, "it")).toEqual({ ok: true, value: n });
      }),
    );
  });

  it("isoToSerial(serialToIso(n)) is n for every Excel serial", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), (n) => {
        expect(isoToSerial(serialToIso(n))).toBe(n);
      }),
      { numRuns: 5000 },
    );
  });

  it("parseDate of a serial agrees with its ISO text", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (n, time) => {
        const iso = serialToIso(n);
        expect(parseDate(n + time, "it")).toEqual({ ok: true, value: iso });
        expect(parseDate(iso, "en")).toEqual(serialToIso(n) >= "1900" ? { ok: true, value: iso } : { ok: false, reason: "value.impossible-date" });
      }),
    );
  });

  it("columnIndex(columnLetter(n)) is n", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16384 }), (n) => {
        expect(columnIndex(columnLetter(n))).toBe(n);
      }),
    );
  });

  it("foldText is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const once = foldText(s);
        expect(foldText(once)).toBe(once);
      }),
    );
  });
});
