import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parsePreviewParams } from "#addin/preview/params.ts";
import { splitArgs } from "#addin/preview/formulas.ts";

describe("preview page query parameters", () => {
  it.each([
    ["", { api: "", user: "preview", seed: "big-data", projects: 10000, theme: "light" }],
    [
      "?api=http://127.0.0.1:9000/&token=abc&plan=p1&lang=en&user=anna&seed=messy&tab=sync&theme=dark&today=2026-01-02",
      {
        api: "http://127.0.0.1:9000",
        token: "abc",
        plan: "p1",
        lang: "en",
        user: "anna",
        seed: "messy",
        projects: 10000,
        tab: "sync",
        theme: "dark",
        today: "2026-01-02",
      },
    ],
    ["?seed=large&projects=250", { api: "", user: "preview", seed: "large", projects: 250, theme: "light" }],
    [
      "?seed=nope&lang=de&tab=x&projects=-3&today=yesterday",
      { api: "", user: "preview", seed: "big-data", projects: 10000, theme: "light" },
    ],
    ["?projects=99999999", { api: "", user: "preview", seed: "big-data", projects: 50000, theme: "light" }],
    ["?host=minimum", { api: "", user: "preview", seed: "big-data", projects: 10000, theme: "light", host: "minimum" }],
    ["?host=excel-95", { api: "", user: "preview", seed: "big-data", projects: 10000, theme: "light" }],
    [
      "?coauthor=anna&delay=-5",
      { api: "", user: "preview", seed: "big-data", projects: 10000, theme: "light", coauthor: "anna", delayMs: 0 },
    ],
  ])("reads %s", (search, expected) => {
    expect(parsePreviewParams(search)).toEqual(expected);
  });

  it("never throws and always yields a known seed and a positive project count", () => {
    fc.assert(
      fc.property(fc.string(), (search) => {
        const p = parsePreviewParams(search);
        expect(["big-data", "messy", "annual", "large"]).toContain(p.seed);
        expect(p.projects).toBeGreaterThan(0);
      }),
    );
  });
});

describe("formula arguments", () => {
  it.each([
    ["A2", ["A2"]],
    ['A2;"strict"', ["A2", '"strict"']],
    ['"a;b", 3', ['"a;b"', "3"]],
    ["", []],
    ["A2;;max", ["A2", "", "max"]],
  ])("splits %s", (text, expected) => {
    expect(splitArgs(text)).toEqual(expected);
  });
});
