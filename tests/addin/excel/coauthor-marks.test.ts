/**
 * Highlighting in a co-authored workbook (issue #18): marks are workbook content every coauthor
 * sees, so each person's are their own — one person's Validate or Clear replaces only what they
 * made, and a coauthor's marks survive it. Two sessions of one workbook on the in-memory host.
 */
import { describe, expect, it } from "vitest";
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import { MARKER_PREFIX } from "#addin/excel/internal-sheets.ts";
import { analyzeWorkbook } from "#core/analyze.ts";
import { createCoauthoredExcel, seedFromSnapshot, type FakeExcelHost } from "#addin/memory-host/host.ts";
import { markAuthor } from "#addin/shared/mark-author.ts";
import { messyPlan } from "#samples/seed-workbook.ts";

const marks = (host: FakeExcelHost, who: string) => ({
  sheets: host.state.sheets.filter((s) => s.name.startsWith(`${MARKER_PREFIX}${who}_`)).length,
  rules: host.state.sheets.flatMap((s) => s.conditionalFormats).filter((cf) => cf.formula.includes(`${MARKER_PREFIX}${who}_`)).length,
});

describe("marks of two coauthors", () => {
  it("survive the other's Validate and Clear while they edit", async () => {
    // Prepare: Bruno validates and highlights.
    const { sessions, link } = createCoauthoredExcel({ sheets: messyPlan().map(seedFromSnapshot) });
    const [hostA, hostB] = sessions as [FakeExcelHost, FakeExcelHost];
    const anna = new ExcelAdapter({ run: hostA.run, author: "anna" });
    const bruno = new ExcelAdapter({ run: hostB.run, author: "bruno" });
    await bruno.highlightIssues(analyzeWorkbook(await bruno.readSnapshot()).issues);
    link.deliver();
    const brunoMarks = marks(hostB, "bruno");
    // Act: Anna validates while Bruno types, then clears her marks.
    const sheet = hostA.state.sheets[0]?.name ?? "";
    await hostB.edit(sheet, "B2", "in corso");
    await anna.highlightIssues(analyzeWorkbook(await anna.readSnapshot()).issues);
    link.deliver();
    const both = marks(hostB, "anna");
    await anna.clearHighlights();
    link.deliver();
    // Assess: Bruno's marks are where he put them, in both sessions; Anna's came and went.
    expect(brunoMarks.sheets).toBeGreaterThan(0);
    expect(both.sheets).toBeGreaterThan(0);
    for (const host of [hostA, hostB]) {
      expect(marks(host, "bruno")).toEqual(brunoMarks);
      expect(marks(host, "anna")).toEqual({ sheets: 0, rules: 0 });
    }
  });

  it("belong to one id per person, kept in the add-in's storage", () => {
    // Prepare
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    // Act
    const first = markAuthor(storage);
    const again = markAuthor(storage, () => 0.99);
    // Assess
    expect(first).toMatch(/^[a-z0-9]{6}$/);
    expect(again).toBe(first);
    expect(markAuthor(undefined, () => 0)).toBe("aaaaaa");
  });
});
