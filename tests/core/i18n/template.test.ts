import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fillTemplate, templateError, templateParams } from "#core/i18n/template.ts";

const COUNTS = "{errors, plural, one {# errore} other {# errori}}, {warnings, plural, one {# avviso} other {# avvisi}}";
const COUNTS_EN = "{errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}";

describe("fillTemplate", () => {
  it.each<[string, Record<string, string | number> | undefined, string]>([
    ["{errors} errori, {warnings} avvisi", { errors: 2, warnings: 0 }, "2 errori, 0 avvisi"],
    ["file {value}", { value: "plan.xlsx" }, "file plan.xlsx"],
    ["missing {name} stays visible", {}, "missing {name} stays visible"],
    ["no params {at} all", undefined, "no params {at} all"],
    ["inherited names are not parameters: {constructor}", {}, "inherited names are not parameters: {constructor}"],
    ["repeated {n} and {n}", { n: 3 }, "repeated 3 and 3"],
  ])("fills %j", (template, params, expected) => {
    expect(fillTemplate(template, params)).toBe(expected);
  });

  it.each<[number, number, string, string]>([
    [1, 0, "1 errore, 0 avvisi", "1 error, 0 warnings"],
    [0, 1, "0 errori, 1 avviso", "0 errors, 1 warning"],
    [2, 2, "2 errori, 2 avvisi", "2 errors, 2 warnings"],
    [1234, 1, "1234 errori, 1 avviso", "1,234 errors, 1 warning"],
  ])("counts %i errors and %i warnings in both languages", (errors, warnings, it_, en) => {
    expect(fillTemplate(COUNTS, { errors, warnings }, "it")).toBe(it_);
    expect(fillTemplate(COUNTS_EN, { errors, warnings }, "en")).toBe(en);
  });

  it("prefers an exact =n branch, and fills {names} inside a branch", () => {
    const t = "{n, plural, =0 {nessuna riga in {sheet}} one {# riga in {sheet}} other {# righe in {sheet}}}";
    expect(fillTemplate(t, { n: 0, sheet: "Budget" }, "it")).toBe("nessuna riga in Budget");
    expect(fillTemplate(t, { n: 1, sheet: "Budget" }, "it")).toBe("1 riga in Budget");
    expect(fillTemplate(t, { n: 7, sheet: "Budget" }, "it")).toBe("7 righe in Budget");
  });

  it("keeps a missing count visible and returns a broken template as written", () => {
    expect(fillTemplate("{n, plural, one {# riga} other {# righe}}", {}, "it")).toBe("{n}");
    expect(fillTemplate("broken {n, plural, one {x}", { n: 1 }, "it")).toBe("broken {n, plural, one {x}");
  });

  it.each(["a } b", "{n, plural, one {x}}", "{n, plural, other {x}", "{n, select, other {x}}", "{ n }"])(
    "reports %j as a syntax error",
    (t) => {
      expect(templateError(t)).toBeDefined();
    },
  );

  it("lists the parameters a template names, plural counts included", () => {
    expect([...templateParams(COUNTS)].sort()).toEqual(["errors", "warnings"]);
    expect([...templateParams("{file}: {n, plural, one {# in {sheet}} other {#}}")].sort()).toEqual(["file", "n", "sheet"]);
  });

  it("never throws and never loses plain text (any text without braces comes back unchanged)", () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/[{}]/.test(s)), fc.constantFrom("it" as const, "en" as const), (s, locale) => {
        expect(fillTemplate(s, { n: 1 }, locale)).toBe(s);
      }),
    );
  });

  it("never throws on arbitrary templates and parameters", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("{", "}", "#", ",", " ", "n", "plural", "one", "other", "=1", "x") }),
        fc.oneof(fc.integer(), fc.double(), fc.string()),
        (t, n) => {
          expect(typeof fillTemplate(t, { n }, "it")).toBe("string");
        },
      ),
    );
  });

  it("picks 'one' exactly for the count 1 in both languages", () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.constantFrom("it" as const, "en" as const), (n, locale) => {
        const out = fillTemplate("{n, plural, one {ONE} other {OTHER}}", { n }, locale);
        expect(out).toBe(n === 1 ? "ONE" : "OTHER");
      }),
    );
  });
});
