import { describe, expect, it } from "vitest";
import { fillTemplate } from "#core/i18n/template.ts";

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
});
