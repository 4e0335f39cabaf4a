/**
 * The stand-in refuses what Excel refuses (addin/memory-host/README.md, "Behaviour table"):
 * every refusal below is the documented error code, raised at `context.sync()`, and the batch's
 * earlier operations stay applied while the later ones are dropped, as in Office.js.
 */
import { describe, expect, it } from "vitest";
import type { RequestContextLike } from "#addin/excel/api.ts";
import type { FakeExcelHost, SeedSheet } from "#addin/memory-host/host.ts";
import { HOST_PROFILES, WEB_PAYLOAD_LIMIT_CELLS, type HostProfile } from "#addin/memory-host/profile.ts";
import { open, PLAN } from "./workbooks.ts";

describe("worksheets that Excel will not delete or hide", () => {
  it("refuses to delete a very hidden sheet with InvalidOperation (Worksheet.delete)", async () => {
    // Prepare
    const host = open([PLAN, { name: "_ap_issues_1", values: [[2]], visibility: "VeryHidden" }]);
    // Act
    const deleting = host.run(async (ctx: RequestContextLike) => {
      ctx.workbook.worksheets.getItem("_ap_issues_1").delete();
      await ctx.sync();
    });
    // Assess
    await expect(deleting).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(host.state.sheets.map((s) => s.name)).toEqual(["Progetti", "_ap_issues_1"]);
  });

  it("deletes a very hidden sheet made Hidden earlier in the same batch", async () => {
    // Prepare
    const host = open([PLAN, { name: "_ap_issues_1", values: [[2]], visibility: "VeryHidden" }]);
    // Act
    await host.run(async (ctx: RequestContextLike) => {
      const ws = ctx.workbook.worksheets.getItem("_ap_issues_1");
      ws.visibility = "Hidden";
      ws.delete();
      await ctx.sync();
    });
    // Assess
    expect(host.state.sheets.map((s) => s.name)).toEqual(["Progetti"]);
  });

  it.each([
    ["deleting", (ctx: RequestContextLike) => ctx.workbook.worksheets.getItem("Progetti").delete()],
    [
      "hiding",
      (ctx: RequestContextLike) => {
        ctx.workbook.worksheets.getItem("Progetti").visibility = "Hidden";
      },
    ],
  ])("refuses %s the last visible sheet with InvalidOperation", async (_, act) => {
    // Prepare
    const host = open([PLAN, { name: "Nascosto", values: [[1]], visibility: "Hidden" }]);
    // Act
    const running = host.run(async (ctx: RequestContextLike) => {
      act(ctx);
      await ctx.sync();
    });
    // Assess
    await expect(running).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(host.sheet("Progetti").visibility).toBe("Visible");
  });
});

describe("protected sheets", () => {
  it.each([
    [
      "values",
      (ctx: RequestContextLike) =>
        (ctx.workbook.worksheets.getItem("Progetti").getRange("B2").values = [["X"]]),
    ],
    [
      "clear",
      (ctx: RequestContextLike) => ctx.workbook.worksheets.getItem("Progetti").getRange("A1:B2").clear(),
    ],
    [
      "a conditional format",
      (ctx: RequestContextLike) =>
        ctx.workbook.worksheets.getItem("Progetti").getRange("A1").conditionalFormats.add("Custom"),
    ],
    [
      "a table",
      (ctx: RequestContextLike) => ctx.workbook.worksheets.getItem("Progetti").tables.add("A1:B2", true),
    ],
  ])("refuse writing %s with AccessDenied and keep every cell", async (_, act) => {
    // Prepare
    const host = open([{ ...PLAN, protected: true }]);
    // Act
    const writing = host.run(async (ctx: RequestContextLike) => {
      act(ctx);
      await ctx.sync();
    });
    // Assess
    await expect(writing).rejects.toMatchObject({ code: "AccessDenied" });
    expect(host.values("Progetti")).toEqual(PLAN.values);
    expect(host.sheet("Progetti").conditionalFormats).toEqual([]);
  });

  it("report protection/protected through a load path", async () => {
    // Prepare
    const host = open([
      { ...PLAN, protected: true },
      { name: "Budget", values: [["x"]] },
    ]);
    // Act
    const flags = await host.run(async (ctx: RequestContextLike) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/protection/protected");
      await ctx.sync();
      return sheets.items.map((s) => [s.name, s.protection.protected]);
    });
    // Assess
    expect(flags).toEqual([
      ["Progetti", true],
      ["Budget", false],
    ]);
  });
});

describe("Excel on the web's payload limits and Excel's read limit", () => {
  const wide = (rows: number, cols: number): SeedSheet => ({
    name: "Grande",
    values: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => r * cols + c)),
  });

  it("refuses a response over 5 MB with ResponsePayloadSizeLimitExceeded", async () => {
    // Prepare
    const host = open([wide(700, 500)], HOST_PROFILES.web); // 350 000 cells > ~327 000
    // Act
    const reading = host.run(async (ctx: RequestContextLike) => {
      const r = ctx.workbook.worksheets.getItem("Grande").getUsedRange();
      r.load("values");
      await ctx.sync();
      return r.values.length;
    });
    // Assess
    await expect(reading).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("refuses a request over 5 MB with RequestPayloadSizeLimitExceeded, and desktop takes it", async () => {
    // Prepare
    const rows = Math.ceil(WEB_PAYLOAD_LIMIT_CELLS / 100) + 1;
    const grid = Array.from({ length: rows }, () => Array.from({ length: 100 }, () => 1));
    const write = (host: FakeExcelHost): Promise<void> =>
      host.run(async (ctx: RequestContextLike) => {
        ctx.workbook.worksheets.getItem("Progetti").getRange(`A1:CV${String(rows)}`).values = grid;
        await ctx.sync();
      });
    // Act
    const web = open([PLAN], HOST_PROFILES.web);
    const desktop = open([PLAN], HOST_PROFILES.desktop365);
    // Assess
    await expect(write(web)).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    await expect(write(desktop)).resolves.toBeUndefined();
    expect(web.cell("Progetti", "A1")?.value).toBe("Codice");
  });

  it("refuses reading more than 5 million cells at once with RangeExceedsLimit", async () => {
    // Prepare
    const host = open([PLAN]);
    // Act
    const reading = host.run(async (ctx: RequestContextLike) => {
      const r = ctx.workbook.worksheets.getItem("Progetti").getRange("A1:Z200000");
      r.load("values");
      await ctx.sync();
      return r.values.length;
    });
    // Assess
    await expect(reading).rejects.toMatchObject({ code: "RangeExceedsLimit" });
  });
});

/** A desktop Excel at ExcelApi `level` (just below the member under test). */
function below(level: string): HostProfile {
  return { ...HOST_PROFILES.desktop2021, label: `ExcelApi ${level}`, sets: { ExcelApi: level } };
}

describe("members above the configured Excel's API level", () => {
  it.each([
    [
      "Range.getMergedAreasOrNullObject (1.13) on Excel 2019",
      HOST_PROFILES.desktop2019,
      (ctx: RequestContextLike) =>
        ctx.workbook.worksheets
          .getItem("Progetti")
          .getRange("A1:B2")
          .getMergedAreasOrNullObject()
          .load("address"),
    ],
    [
      "Application.cultureInfo (1.11) on Excel 2019",
      HOST_PROFILES.desktop2019,
      (ctx: RequestContextLike) => ctx.workbook.application.cultureInfo.load("name"),
    ],
    [
      "ConditionalFormatCollection.getItemOrNullObject (1.14) on an ExcelApi 1.13 host",
      { ...HOST_PROFILES.desktop2021, sets: { ExcelApi: "1.13" } },
      (ctx: RequestContextLike) =>
        (
          ctx.workbook.worksheets.getItem("Progetti").getRange().conditionalFormats as unknown as {
            getItemOrNullObject(id: string): { load(p: string): unknown };
          }
        )
          .getItemOrNullObject("x")
          .load("id"),
    ],
    [
      "Range.getSpecialCellsOrNullObject (1.9) on Excel 2019 (1.8)",
      HOST_PROFILES.desktop2019,
      (ctx: RequestContextLike) =>
        ctx.workbook.worksheets
          .getItem("Progetti")
          .getRange("A1:B2")
          .getSpecialCellsOrNullObject("Formulas")
          .load("address"),
    ],
    [
      "Range.conditionalFormats (1.6) on an ExcelApi 1.5 host",
      below("1.5"),
      (ctx: RequestContextLike) =>
        ctx.workbook.worksheets.getItem("Progetti").getRange().conditionalFormats.load("items"),
    ],
    [
      "Application.suspendApiCalculationUntilNextSync (1.6) on an ExcelApi 1.5 host",
      below("1.5"),
      (ctx: RequestContextLike) => ctx.workbook.application.suspendApiCalculationUntilNextSync(),
    ],
    [
      "NamedItemCollection.getItemOrNullObject (1.4) on an ExcelApi 1.3 host",
      below("1.3"),
      (ctx: RequestContextLike) => ctx.workbook.names.getItemOrNullObject("PRL").load("name"),
    ],
    [
      "NamedItemCollection.add (1.4) on an ExcelApi 1.3 host",
      below("1.3"),
      (ctx: RequestContextLike) => ctx.workbook.names.add("PRL", "=1"),
    ],
    [
      "WorksheetCollection.getItemOrNullObject (1.4) on an ExcelApi 1.3 host",
      below("1.3"),
      (ctx: RequestContextLike) => ctx.workbook.worksheets.getItemOrNullObject("Progetti").load("name"),
    ],
    [
      "Worksheet.getUsedRangeOrNullObject (1.4) on an ExcelApi 1.3 host",
      below("1.3"),
      (ctx: RequestContextLike) =>
        ctx.workbook.worksheets.getItem("Progetti").getUsedRangeOrNullObject(true).load("address"),
    ],
    [
      "Worksheet.visibility set (1.2) on an ExcelApi 1.1 host",
      below("1.1"),
      (ctx: RequestContextLike) => {
        ctx.workbook.worksheets.getItem("Progetti").visibility = "Visible";
      },
    ],
    [
      "Worksheet.protection (1.2) on an ExcelApi 1.1 host",
      below("1.1"),
      (ctx: RequestContextLike) => ctx.workbook.worksheets.getItem("Progetti").protection.load("protected"),
    ],
  ] as const)("fail the batch with ApiNotFound: %s", async (_, profile, act) => {
    // Prepare
    const host = open([PLAN], profile);
    // Act
    const running = host.run(async (ctx: RequestContextLike) => {
      act(ctx);
      await ctx.sync();
    });
    // Assess
    await expect(running).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("refuses Workbook.name (1.7) on an ExcelApi 1.6 host with ApiNotFound, where it is read", async () => {
    // Prepare
    const host = open([PLAN], below("1.6"));
    // Act
    const reading = host.run(async (ctx: RequestContextLike) => {
      ctx.workbook.load("name");
      await ctx.sync();
      return ctx.workbook.name;
    });
    // Assess
    await expect(reading).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(
      open([PLAN], below("1.7")).run(async (ctx: RequestContextLike) => {
        ctx.workbook.load("name");
        await ctx.sync();
        return typeof ctx.workbook.name;
      }),
    ).resolves.toBe("string");
  });

  it("answers isSetSupported for the profile, as Office.context.requirements does", () => {
    // Prepare
    const host = open([PLAN], HOST_PROFILES.desktop2021);
    // Act / Assess
    expect(host.requirements.isSetSupported("ExcelApi", "1.14")).toBe(true);
    expect(host.requirements.isSetSupported("ExcelApi", "1.15")).toBe(false);
    expect(host.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true); // 1.9 < 1.14, not "1.9" > "1.14"
    expect(host.requirements.isSetSupported("CustomFunctionsRuntime", "1.4")).toBe(false);
    expect(host.platform).toBe("PC");
  });
});

describe("sheets and names that exist, or do not", () => {
  it.each([
    [
      "adding a sheet under a name in use, in another case",
      (ctx: RequestContextLike): void => {
        ctx.workbook.worksheets.add("PROGETTI");
      },
      "ItemAlreadyExists",
    ],
    [
      "adding a sheet whose name has a character Excel refuses",
      (ctx: RequestContextLike): void => {
        ctx.workbook.worksheets.add("Piano 2025/26");
      },
      "InvalidArgument",
    ],
    [
      "adding a sheet whose name is longer than 31 characters",
      (ctx: RequestContextLike): void => {
        ctx.workbook.worksheets.add("P".repeat(32));
      },
      "InvalidArgument",
    ],
    [
      "getting a sheet that is not there",
      (ctx: RequestContextLike): void => {
        ctx.workbook.worksheets.getItem("Nessuno").load("name");
      },
      "ItemNotFound",
    ],
    [
      "adding a name already defined, in another case",
      (ctx: RequestContextLike): void => {
        ctx.workbook.names.add("PRLX", "=1");
        ctx.workbook.names.add("prlx", "=2");
      },
      "ItemAlreadyExists",
    ],
  ] as const)("fails the batch at sync() when %s: %s", async (_name, act, code) => {
    // Prepare
    const host = open([PLAN]);
    // Act
    const running = host.run(async (ctx: RequestContextLike) => {
      act(ctx);
      await ctx.sync();
    });
    // Assess
    await expect(running).rejects.toMatchObject({ code });
    expect(host.state.sheets.map((s) => s.name)).toEqual(["Progetti"]);
  });
});

describe("conditional formats by id", () => {
  it("fails the batch with ItemNotFound for getItem of a rule that is gone", async () => {
    // Prepare
    const host = open([PLAN]);
    // Act
    const deleting = host.run(async (ctx: RequestContextLike) => {
      ctx.workbook.worksheets.getItem("Progetti").getRange().conditionalFormats.getItem("{gone}").delete();
      await ctx.sync();
    });
    // Assess
    await expect(deleting).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("the active cell", () => {
  it("is the selection's top-left cell, else A1 of the active sheet (Workbook.getActiveCell)", async () => {
    // Prepare
    const host = open([PLAN, { name: "Linee", values: [["Codice"]] }]);
    const address = () =>
      host.run(async (ctx) => {
        const cell = ctx.workbook.getActiveCell();
        cell.load("address");
        await ctx.sync();
        return cell.address;
      });
    // Act / Assess: nothing selected yet
    expect(await address()).toBe("Progetti!A1");
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Linee").getRange("B3:C5").select();
      await ctx.sync();
    });
    expect(await address()).toBe("Linee!B3");
  });

  it("fails the batch with ApiNotFound below ExcelApi 1.7", async () => {
    const host = open([PLAN], { ...HOST_PROFILES.desktop2021, sets: { ExcelApi: "1.6" } });
    const read = host.run(async (ctx) => {
      ctx.workbook.getActiveCell().load("address");
      await ctx.sync();
    });
    await expect(read).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
