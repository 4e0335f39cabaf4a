/**
 * Co-authoring with AutoSave in the stand-in (addin/memory-host/README.md, "Co-authoring"): one
 * workbook open as two sessions; one session's writes reach the other later as "Remote" changes,
 * per cell the later write wins, sheets, rules and names travel too.
 */
import { describe, expect, it } from "vitest";
import type { RequestContextLike, WorksheetChangedLike } from "#addin/excel/api.ts";
import { createCoauthoredExcel, type FakeExcelHost, type SeedSheet } from "#addin/memory-host/host.ts";
import { HOST_PROFILES, type HostProfile } from "#addin/memory-host/profile.ts";
import type { CellValue } from "#core/snapshot/types.ts";

const SHEETS: SeedSheet[] = [{ name: "Foglio1", values: [["x", "y"]] }];

function open(delayMs?: number, profile: HostProfile = HOST_PROFILES.desktop365) {
  const { sessions, link } = createCoauthoredExcel({ sheets: SHEETS, profile }, delayMs === undefined ? {} : { delayMs });
  const [a, b] = sessions as [FakeExcelHost, FakeExcelHost];
  return { a, b, link };
}

async function write(host: FakeExcelHost, a1: string, value: CellValue, sheet = "Foglio1"): Promise<void> {
  await host.run(async (ctx: RequestContextLike) => {
    ctx.workbook.worksheets.getItem(sheet).getRange(a1).values = [[value]];
    await ctx.sync();
  });
}

async function listen(host: FakeExcelHost): Promise<WorksheetChangedLike[]> {
  const seen: WorksheetChangedLike[] = [];
  await host.run(async (ctx: RequestContextLike) => {
    ctx.workbook.worksheets.onChanged.add(async (e) => {
      seen.push(e);
    });
    await ctx.sync();
  });
  return seen;
}

const settle = () => new Promise((r) => setTimeout(r, 5));

describe("a co-authored workbook", () => {
  it("shows one session's API write in the other only after the delay, as a Remote change", async () => {
    // Prepare
    const { a, b, link } = open(40);
    const seenByB = await listen(b);
    const seenByA = await listen(a);
    // Act
    await write(a, "B2", "di Anna");
    await settle();
    const before = b.cell("Foglio1", "B2")?.value;
    await link.settled();
    await settle();
    // Assess
    expect(before).toBeUndefined();
    expect(b.cell("Foglio1", "B2")?.value).toBe("di Anna");
    expect(seenByB.map((e) => [e.address, e.source, e.triggerSource])).toEqual([["B2", "Remote", "Unknown"]]);
    expect(seenByA.map((e) => [e.address, e.source, e.triggerSource])).toEqual([["B2", "Local", "ThisLocalAddin"]]);
  });

  it("carries a typed edit too, and no triggerSource below ExcelApi 1.14", async () => {
    // Prepare
    const { a, b, link } = open(undefined, HOST_PROFILES.desktop2019);
    const seenByB = await listen(b);
    // Act
    await a.edit("Foglio1", "C3", "a mano");
    link.deliver();
    // Assess
    expect(b.cell("Foglio1", "C3")?.value).toBe("a mano");
    expect(seenByB).toHaveLength(1);
    expect(seenByB[0]?.source).toBe("Remote");
    expect(seenByB[0]?.triggerSource).toBeUndefined();
  });

  it("keeps the later of two writes to one cell in both sessions, whatever the order of arrival", async () => {
    // Prepare
    const { a, b, link } = open();
    // Act: A writes first, B a moment later; B's batch reaches A before A's reaches B.
    await write(a, "A2", "prima");
    await new Promise((r) => setTimeout(r, 3));
    await write(b, "A2", "dopo");
    link.deliver("A");
    link.deliver("B");
    // Assess
    expect(a.cell("Foglio1", "A2")?.value).toBe("dopo");
    expect(b.cell("Foglio1", "A2")?.value).toBe("dopo");
  });

  it("keeps both sessions' writes to different cells made at the same time", async () => {
    // Prepare
    const { a, b, link } = open();
    // Act
    await Promise.all([write(a, "A5", 1), write(b, "B5", 2)]);
    link.deliver();
    // Assess
    for (const s of [a, b]) expect([s.cell("Foglio1", "A5")?.value, s.cell("Foglio1", "B5")?.value]).toEqual([1, 2]);
  });

  it("carries sheets, their visibility, conditional formats and their removal", async () => {
    // Prepare
    const { a, b, link } = open();
    // Act 1: A adds a very hidden sheet with a value and a rule on Foglio1.
    await a.run(async (ctx: RequestContextLike) => {
      const ws = ctx.workbook.worksheets.add("_segreto");
      ws.getRange("A1").values = [[7]];
      ws.visibility = "VeryHidden";
      const cf = ctx.workbook.worksheets.getItem("Foglio1").getRange("A1:B2").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=_segreto!A1=7";
      await ctx.sync();
    });
    link.deliver();
    // Assess 1
    expect(b.sheet("_segreto").visibility).toBe("VeryHidden");
    expect(b.cell("_segreto", "A1")?.value).toBe(7);
    expect(b.sheet("Foglio1").conditionalFormats.map((cf) => cf.formula)).toEqual(["=_segreto!A1=7"]);
    // Act 2: B removes both.
    await b.run(async (ctx: RequestContextLike) => {
      const rules = ctx.workbook.worksheets.getItem("Foglio1").getRange().conditionalFormats;
      rules.load("items/id");
      await ctx.sync();
      for (const cf of rules.items) cf.delete();
      const ws = ctx.workbook.worksheets.getItem("_segreto");
      ws.visibility = "Hidden";
      ws.delete();
      await ctx.sync();
    });
    link.deliver();
    // Assess 2
    expect(a.state.sheets.map((s) => s.name)).toEqual(["Foglio1"]);
    expect(a.sheet("Foglio1").conditionalFormats).toEqual([]);
  });

  it("does not send back what it merged in (no echo between sessions)", async () => {
    // Prepare
    const { a, b, link } = open();
    await write(a, "D4", "una volta");
    link.deliver();
    // Act: B runs a batch that writes nothing.
    await b.run(async (ctx: RequestContextLike) => {
      ctx.workbook.worksheets.getItem("Foglio1").getRange("A1").load("values");
      await ctx.sync();
    });
    // Assess
    expect(link.pending).toBe(0);
  });
});
