import { describe, expect, it } from "vitest";
import { ISSUE_CODES, MESSAGES, renderMessage } from "#core/i18n/messages.ts";
import { analyzeWorkbook } from "#core/analyze.ts";
import { messyPlan, snapshotOf } from "#samples/seed-workbook.ts";

describe("the message catalogue", () => {
  it.each(ISSUE_CODES)("%s has an Italian and an English message that differ", (code) => {
    // Prepare
    const entry = MESSAGES[code];
    // Assess
    expect(entry.it.trim().length).toBeGreaterThan(10);
    expect(entry.en.trim().length).toBeGreaterThan(10);
    expect(entry.it).not.toBe(entry.en);
    // Both languages use the same placeholders.
    const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
    expect(names(entry.it)).toEqual(names(entry.en));
  });

  it.each([
    ["it", "Campo obbligatorio mancante: Titolo."],
    ["en", "Required field missing: Titolo."],
  ] as const)("renders placeholders in %s", (locale, expected) => {
    expect(renderMessage("required.missing", { column: "Titolo" }, locale)).toBe(expected);
  });

  it("renders an unknown code as the code and leaves missing params visible", () => {
    expect(renderMessage("no.such-code", {}, "it")).toBe("no.such-code");
    expect(renderMessage("required.missing", {}, "en")).toBe("Required field missing: {column}.");
  });

  it.each(["it", "en"] as const)("every issue the core reports on the messy plan is rendered in %s without leftovers", (locale) => {
    // Act
    const { issues } = analyzeWorkbook(snapshotOf(messyPlan()), { messagesLocale: locale });
    // Assess
    expect(issues.length).toBeGreaterThan(5);
    for (const i of issues) {
      expect(ISSUE_CODES).toContain(i.code);
      expect(i.message).not.toMatch(/\{\w+\}/);
      expect(i.message).toBe(renderMessage(i.code, i.params, locale));
    }
  });
});
