/**
 * The fake host keeps Office.js's load/sync semantics, so code that would fail in Excel fails here.
 */
import { describe, expect, it } from "vitest";
import type { RequestContextLike } from "#addin/excel/api.ts";
import { createFakeExcel } from "#addin/memory-host/host.ts";

const seed = () =>
  createFakeExcel({
    sheets: [
      {
        name: "Progetti",
        values: [
          ["Codice", "Titolo"],
          ["DGH", "Digital"],
        ],
      },
    ],
  });

describe("fake Excel host", () => {
  it.each([
    ["never loaded", false, false],
    ["loaded but not synced", true, false],
  ])("throws PropertyNotLoaded for a property %s", async (_, load, sync) => {
    // Prepare
    const host = seed();
    // Act
    const reading = host.run(async (ctx: RequestContextLike) => {
      const range = ctx.workbook.worksheets.getItem("Progetti").getRange("A1:B2");
      if (load) range.load("values");
      if (sync) await ctx.sync();
      return range.values;
    });
    // Assess
    await expect(reading).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  it("applies writes only at sync, in queue order with the reads", async () => {
    // Prepare
    const host = seed();
    // Act
    const [before, after] = await host.run(async (ctx: RequestContextLike) => {
      const ws = ctx.workbook.worksheets.getItem("Progetti");
      const first = ws.getRange("B2").load("values") as { values: unknown };
      ws.getRange("B2").values = [["changed"]];
      const second = ws.getRange("B2").load("values") as { values: unknown };
      const untouched = host.cell("Progetti", "B2")?.value;
      await ctx.sync();
      expect(untouched).toBe("Digital");
      return [first.values, second.values];
    });
    // Assess
    expect(before).toEqual([["Digital"]]);
    expect(after).toEqual([["changed"]]);
  });

  it("tells a missing item by isNullObject, only after sync", async () => {
    // Prepare
    const host = seed();
    // Act
    const result = await host.run(async (ctx: RequestContextLike) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Budget");
      const early = (() => {
        try {
          return missing.isNullObject;
        } catch (e) {
          return (e as { code: string }).code;
        }
      })();
      await ctx.sync();
      return { early, late: missing.isNullObject };
    });
    // Assess
    expect(result).toEqual({ early: "PropertyNotLoaded", late: true });
  });

  it("flushes queued work when the batch ends, as Excel.run does, with one more round trip", async () => {
    // Prepare
    const host = seed();
    // Act
    const syncs = await host.countSyncs(() =>
      host.run(async (ctx: RequestContextLike) => {
        ctx.workbook.worksheets.getItem("Progetti").getRange("C1").values = [["PRL"]];
      }),
    );
    // Assess
    expect(syncs).toBe(1);
    expect(host.cell("Progetti", "C1")?.value).toBe("PRL");
  });

  it("fails the sync at the first bad operation and drops the rest of the batch", async () => {
    // Prepare
    const host = seed();
    // Act
    const batch = host.run(async (ctx: RequestContextLike) => {
      const ws = ctx.workbook.worksheets.getItem("Progetti");
      ws.getRange("A1:B1").values = [["only one"]].map((r) => [...r, "x", "y"]);
      ws.getRange("C1").values = [["never"]];
      await ctx.sync();
    });
    // Assess
    await expect(batch).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(host.cell("Progetti", "C1")).toBeUndefined();
  });

  it("leaves a cell alone where the written array holds null", async () => {
    // Prepare
    const host = seed();
    // Act
    await host.run(async (ctx: RequestContextLike) => {
      ctx.workbook.worksheets.getItem("Progetti").getRange("A2:B2").values = [[null, "new"]];
      await ctx.sync();
    });
    // Assess
    expect(host.values("Progetti")[1]).toEqual(["DGH", "new"]);
  });

  it("hands out the same navigation object on every access, so loads through it are readable", async () => {
    // Prepare
    const host = seed();
    // Act
    const separator = await host.run(async (ctx: RequestContextLike) => {
      ctx.workbook.application.cultureInfo.load("numberFormat/numberDecimalSeparator");
      await ctx.sync();
      return ctx.workbook.application.cultureInfo.numberFormat.numberDecimalSeparator;
    });
    // Assess
    expect(separator).toBe(",");
  });
});
