/**
 * The overview's short money format speaks each language's way ("1,2 M€" / "€1.2M"), from the
 * pane's catalogue rather than ICU's compact words, and never reads as a different amount.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoneyShort } from "#addin/taskpane/format.ts";
import type { Cents } from "#core/model.ts";

const cents = (euros: number): Cents => Math.round(euros * 100) as Cents;

describe("formatMoneyShort", () => {
  it.each([
    [1_234_567, "1,2 M€", "€1.2M"],
    [499_875, "499,9 k€", "€499.9k"],
    [999_960, "1 M€", "€1M"],
    [2_500_000_000, "2,5 Mrd €", "€2.5bn"],
    [950, "950 €", "€950"],
    [12.34, "12,3 €", "€12.3"],
    [0, "0 €", "€0"],
    [-1_500_000, "−1,5 M€", "−€1.5M"],
  ])("%d € reads %s in Italian and %s in English", (euros, it_, en) => {
    expect(formatMoneyShort(cents(euros), "it")).toBe(it_);
    expect(formatMoneyShort(cents(euros), "en")).toBe(en);
  });

  it("stays within 5 % of the amount and under 1 000 of its unit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 10 ** 14 }),
        fc.constantFrom("it" as const, "en" as const),
        (c, locale) => {
          const text = formatMoneyShort(c as Cents, locale);
          const m = /([\d.,]+)\s*(Mrd|bn|k|M)?/.exec(locale === "it" ? text : text.replace("€", ""));
          expect(m).not.toBeNull();
          const digits =
            locale === "it" ? m![1]!.replace(/\./g, "").replace(",", ".") : m![1]!.replace(/,/g, "");
          const scale = { k: 1e3, M: 1e6, Mrd: 1e9, bn: 1e9 }[m![2] ?? ""] ?? 1;
          const shown = Number(digits) * scale;
          expect(Math.abs(shown - c / 100)).toBeLessThanOrEqual(0.05 * (c / 100) + 0.05);
          if (scale < 1e9) expect(Number(digits)).toBeLessThan(1000);
        },
      ),
    );
  });
});
