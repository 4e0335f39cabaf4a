/**
 * The store's row limits in the core (issue #16): keys and names counted in UTF-8 bytes, budget
 * keys that stay bounded whatever a cell holds, and `validate` reporting a key the cloud would
 * refuse on the cell it comes from, so that what validates also syncs.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeWorkbook } from "#core/analyze.ts";
import type { BudgetRow } from "#core/model.ts";
import { budgetBaseKey, planRows } from "#core/sync/rows.ts";
import { fieldNameLimit, keyLimit, MAX_KEY_BYTES, utf8Bytes } from "#core/sync/row-limits.ts";
import { MAX_KEY_LENGTH } from "#core/sync/limits.ts";
import { cleanPlan, codesAt, workbook, PRIORITY_HEADER } from "../analyze/workbook.ts";

describe("utf8Bytes", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["é", 2],
    ["中", 3],
    ["😀", 4],
    ["\uD800", 3],
    ["a\uDC00b", 5],
  ])("counts %j as %i bytes", (text, bytes) => {
    expect(utf8Bytes(text)).toBe(bytes);
  });

  it("agrees with TextEncoder on well-formed text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (text) => {
        expect(utf8Bytes(text)).toBe(new TextEncoder().encode(text).length);
      }),
      { seed: 16, numRuns: 500 },
    );
  });
});

describe("keyLimit", () => {
  it.each([
    ["333 × 中 (999 bytes)", "中".repeat(333), undefined],
    ["341 × 中 (1 023 bytes)", "中".repeat(341), "bytes"],
    ["250 × 😀 (1 000 bytes)", "😀".repeat(250), undefined],
    ["256 × 😀 (1 024 bytes)", "😀".repeat(256), "bytes"],
    [`${MAX_KEY_LENGTH} ASCII characters`, "k".repeat(MAX_KEY_LENGTH), undefined],
    [`${MAX_KEY_LENGTH + 1} ASCII characters`, "k".repeat(MAX_KEY_LENGTH + 1), "bytes"],
    ["a lone surrogate", "A\uD800", "unpaired-surrogate"],
  ])("%s → %s", (_name, key, limit) => {
    expect(keyLimit(key)).toBe(limit);
  });

  it.each([
    ["constructor", undefined],
    ["__proto__", undefined],
    ["n".repeat(4096), undefined],
    ["n".repeat(4097), "bytes"],
    ["中".repeat(1366), "bytes"],
    ["x\uDFFF", "unpaired-surrogate"],
  ])("field name %j → %s", (name, limit) => {
    expect(fieldNameLimit(name)).toBe(limit);
  });
});

describe("budgetBaseKey", () => {
  const row = (partner: string, project = "CLUSTER-2020"): BudgetRow => ({
    project,
    category: "equipment",
    year: 2021,
    amount: 100,
    partner,
  });

  it("keeps a short key exactly as it always was (nothing synced re-keys)", () => {
    expect(budgetBaseKey(row("UNIBO"))).toBe("CLUSTER-2020|equipment|2021|UNIBO");
    expect(budgetBaseKey(row("中".repeat(290)))).toBe(`CLUSTER-2020|equipment|2021|${"中".repeat(290)}`);
  });

  it("bounds a key with a 600-character Partner cell and keeps two such partners apart", () => {
    // Prepare
    const a = "Università di Bologna, ".repeat(26);
    const b = `${a}!`;
    // Act
    const ka = budgetBaseKey(row(a));
    const kb = budgetBaseKey(row(b));
    // Assess
    expect(ka.startsWith("CLUSTER-2020|equipment|2021|Università di Bologna")).toBe(true);
    expect(ka).not.toBe(kb);
    expect(keyLimit(`${ka}#60000`)).toBeUndefined();
  });

  it("stays within the store's limits and well-formed for any parts", () => {
    const part = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 400 }),
      fc.integer({ min: 0, max: 400 }).map((n) => "😀".repeat(n)),
      fc.integer({ min: 0, max: 700 }).map((n) => "中".repeat(n)),
    );
    fc.assert(
      fc.property(part, part, part, (project, category, partner) => {
        const key = budgetBaseKey({ project, categoryLabel: category, partner, year: 2024, amount: 1 });
        expect(keyLimit(`${key}#60000`)).toBeUndefined();
        expect(utf8Bytes(key)).toBeLessThanOrEqual(MAX_KEY_BYTES);
      }),
      { seed: 16, numRuns: 300 },
    );
  });
});

describe("validate reports the key limits on their cell", () => {
  it("marks a project code of 341 × 中 at Progetti!A2 and holds the project back", () => {
    // Prepare
    const code = "中".repeat(341);
    // Act
    const result = analyzeWorkbook(cleanPlan({ Codice: code }));
    // Assess
    expect(codesAt(result.issues, "Progetti!A2")).toContain("key.too-long");
    expect(planRows(result.plan).held).toContainEqual({ entity: "project", key: code });
  });

  it("marks a priority number over 512 characters at Priorità!A2", () => {
    const result = analyzeWorkbook(
      workbook(["Priorità", [PRIORITY_HEADER, ["P".repeat(600), "Una priorità", null]]]),
    );
    expect(codesAt(result.issues, "Priorità!A2")).toContain("key.too-long");
  });

  it("lets a budget row with a 600-character Partner cell sync under a bounded key", () => {
    // Prepare
    const partner = "Università di Bologna, ".repeat(26);
    const book = cleanPlan({}, []);
    book.sheets.push({
      name: "Budget",
      values: [
        ["Progetto", "Voce", "Importo", "Anno", "Partner"],
        ["DGH", "Attrezzature", 1000, 2022, partner],
      ],
    });
    // Act
    const result = analyzeWorkbook(book);
    const rows = planRows(result.plan).rows.filter((r) => r.entity === "budget");
    // Assess
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(keyLimit(rows[0]?.key ?? "")).toBeUndefined();
    expect(rows[0]?.values["partner"]).toBe(partner.trim()); // the whole cell, in the values
  });
});
