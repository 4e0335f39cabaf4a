/**
 * What Excel does with a value written through `range.values` (as if typed, in the user's
 * culture), which change events it posts (with `triggerSource` from ExcelApi 1.14), and which
 * custom-function error messages it keeps (addin/memory-host/README.md, "Behaviour table").
 */
import { describe, expect, it } from "vitest";
import type { RequestContextLike, WorksheetChangedLike } from "#addin/excel/api.ts";
import { FakeCellError } from "#addin/memory-host/custom-functions.ts";
import { createFakeExcel, type FakeExcelHost } from "#addin/memory-host/host.ts";
import { HOST_PROFILES, type HostProfile } from "#addin/memory-host/profile.ts";
import type { CellValue } from "#core/snapshot/types.ts";

function open(culture: "it-IT" | "en-US", profile: HostProfile = HOST_PROFILES.desktop365): FakeExcelHost {
  return createFakeExcel({ sheets: [{ name: "Foglio1", values: [["x"]] }], culture, profile });
}

async function write(host: FakeExcelHost, value: CellValue): Promise<void> {
  await host.run(async (ctx: RequestContextLike) => {
    ctx.workbook.worksheets.getItem("Foglio1").getRange("B2").values = [[value]];
    await ctx.sync();
  });
}

describe("a value written to range.values is entered as if typed", () => {
  // Serial 45293 is 2 January 2024, 45323 is 1 February 2024 (1900 date system).
  it.each([
    ["it-IT", "2/1/2024", 45293, undefined],
    ["en-US", "2/1/2024", 45323, undefined],
    ["it-IT", "02-01-24", 45293, undefined],
    ["it-IT", "2.1.2024", 45293, undefined],
    ["en-US", "2024-01-02", 45293, undefined],
    ["it-IT", "31/02/2024", "31/02/2024", undefined],
    ["it-IT", "1.234,5", 1234.5, undefined],
    ["en-US", "1,234.5", 1234.5, undefined],
    ["en-US", "5.1", 5.1, undefined],
    ["it-IT", "25%", 0.25, undefined],
    ["it-IT", "VERO", true, undefined],
    ["en-US", "FALSE", false, undefined],
    ["en-US", "=1+1", "#NAME?", "=1+1"],
    ["en-US", "+39 051 123", "#NAME?", "=+39 051 123"],
    ["it-IT", "'2/1/2024", "2/1/2024", undefined],
    ["it-IT", "'=1+1", "=1+1", undefined],
    ["it-IT", "'5.1", "5.1", undefined],
  ] as const)("%s: %j becomes %j", async (culture, typed, value, formula) => {
    // Prepare
    const host = open(culture);
    // Act
    await write(host, typed);
    // Assess
    expect(host.cell("Foglio1", "B2")?.value).toBe(value);
    expect(host.cell("Foglio1", "B2")?.formula).toBe(formula);
  });

  it('reads an Italian day and month with no year as a date of this year ("5.1" is 5 January)', async () => {
    // Prepare
    const host = open("it-IT");
    const year = new Date().getUTCFullYear();
    // Act
    await write(host, "5.1");
    // Assess
    expect(host.cell("Foglio1", "B2")?.value).toBe(
      (Date.UTC(year, 0, 5) - Date.UTC(1899, 11, 30)) / 86_400_000,
    );
  });
});

describe("change events", () => {
  async function events(profile: HostProfile): Promise<WorksheetChangedLike[]> {
    const host = open("it-IT", profile);
    const seen: WorksheetChangedLike[] = [];
    await host.run(async (ctx: RequestContextLike) => {
      ctx.workbook.worksheets.onChanged.add(async (e) => {
        seen.push(e);
      });
      await ctx.sync();
    });
    await write(host, 7);
    await new Promise((r) => setTimeout(r, 5)); // Excel posts API writes' events after the batch
    await host.edit("Foglio1", "C3", "a mano");
    return seen;
  }

  it("say who caused them from ExcelApi 1.14: ThisLocalAddin for API writes, Unknown for the user", async () => {
    // Act
    const seen = await events(HOST_PROFILES.desktop2021);
    // Assess
    expect(seen.map((e) => [e.address, e.triggerSource])).toEqual([
      ["B2", "ThisLocalAddin"],
      ["C3", "Unknown"],
    ]);
  });

  it("carry no triggerSource below ExcelApi 1.14", async () => {
    // Act
    const seen = await events({ ...HOST_PROFILES.desktop2021, sets: { ExcelApi: "1.13" } });
    // Assess
    expect(seen.map((e) => [e.address, e.triggerSource])).toEqual([
      ["B2", undefined],
      ["C3", undefined],
    ]);
  });

  it("cannot be registered below ExcelApi 1.7 (WorksheetCollection.onChanged)", async () => {
    // Prepare
    const host = open("it-IT", { ...HOST_PROFILES.desktop2019, sets: { ExcelApi: "1.6" } });
    // Act
    const registering = host.run(async (ctx: RequestContextLike) => {
      ctx.workbook.worksheets.onChanged.add(async () => undefined);
      await ctx.sync();
    });
    // Assess
    await expect(registering).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("custom-function errors", () => {
  it.each([
    ["#N/A", "Riferimento sconosciuto", "Riferimento sconosciuto"],
    ["#VALUE!", "Argomento non valido", "Argomento non valido"],
    ["#DIV/0!", "Nessun progetto deciso", undefined],
    ["#NUM!", "Troppo grande", undefined],
  ] as const)("%s keeps the message %j only where Excel shows one", (code, message, shown) => {
    // Act
    const error = new FakeCellError(code as CustomFunctions.ErrorCode, message);
    // Assess
    expect(error.code).toBe(code);
    expect(error.message).toBe(shown);
  });
});
