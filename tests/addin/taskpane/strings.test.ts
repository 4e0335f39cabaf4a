import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { templateParams } from "#core/i18n/template.ts";
import { STRINGS, translate } from "#addin/i18n/strings.ts";
import type { StringKey } from "#addin/i18n/strings.ts";
import { localeFromLanguageTag, resolveLocale } from "#addin/i18n/locale.ts";
import { isDarkColor } from "#addin/taskpane/theme.ts";

const KEYS = Object.keys(STRINGS) as StringKey[];
const placeholders = (s: string) => [...templateParams(s)].sort();

describe("UI string catalogue", () => {
  it.each(KEYS)("%s has non-empty Italian and English text with the same placeholders", (key) => {
    // Prepare
    const entry = STRINGS[key];
    // Act
    const it_ = placeholders(entry.it);
    const en = placeholders(entry.en);
    // Assess
    expect(entry.it.trim()).not.toBe("");
    expect(entry.en.trim()).not.toBe("");
    expect(it_).toEqual(en);
  });

  it("fills every placeholder when all parameters are given, in both languages", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KEYS),
        fc.constantFrom("it" as const, "en" as const),
        fc.nat(10_000),
        (key, locale, count) => {
          // Numbers fill both a {name} and a plural count.
          const params = Object.fromEntries(placeholders(STRINGS[key][locale]).map((p) => [p, count]));
          const text = translate(locale, key, params);
          expect(text).not.toMatch(/\{\w+\}/);
        },
      ),
    );
  });

  it("keeps a placeholder visible when its parameter is missing", () => {
    expect(translate("en", "validate.counts", { errors: 2 })).toBe("2 errors, {warnings}");
  });

  it.each([
    ["it", 1, 0, "1 errore, 0 avvisi"],
    ["it", 2, 1, "2 errori, 1 avviso"],
    ["en", 1, 0, "1 error, 0 warnings"],
    ["en", 0, 1, "0 errors, 1 warning"],
  ] as const)("counts in %s: %i errors and %i warnings read %j", (locale, errors, warnings, expected) => {
    expect(translate(locale, "validate.counts", { errors, warnings })).toBe(expected);
  });

  it.each([
    ["it", 1, "1 riga scritta nel foglio."],
    ["it", 3, "3 righe scritte nel foglio."],
    ["en", 1, "1 row written into the sheet."],
  ] as const)("pull in %s of %i rows reads %j", (locale, count, expected) => {
    expect(translate(locale, "sync.pull-applied", { count })).toBe(expected);
  });
});

describe("UI locale", () => {
  it.each([
    ["it-IT", "it"],
    ["it", "it"],
    ["IT-ch", "it"],
    ["en-US", "en"],
    ["de-DE", "en"],
    ["", "en"],
    [undefined, "en"],
    ["item", "en"],
  ] as const)("display language %s gives %s", (tag, expected) => {
    expect(localeFromLanguageTag(tag)).toBe(expected);
  });

  it.each([
    [undefined, "it-IT", "it"],
    ["en", "it-IT", "en"],
    ["it", "en-US", "it"],
  ] as const)("override %s over Office %s gives %s", (override, office, expected) => {
    expect(resolveLocale(override, office)).toBe(expected);
  });
});

describe("Office theme", () => {
  it.each([
    ["#1f1f1f", true],
    ["#262626", true],
    ["000000", true],
    ["#ffffff", false],
    ["#f3f3f3", false],
    ["#E6E6E6", false],
    [undefined, false],
    ["red", false],
  ] as const)("body background %s is dark: %s", (hex, dark) => {
    expect(isDarkColor(hex)).toBe(dark);
  });
});
