/**
 * Writes through the adapter on the fake host: values stay values, the sync sheet round-trips,
 * names, overview table, change events.
 */
import { describe, expect, it } from "vitest";
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import { LAMBDA_NAMES } from "#addin/excel/lambda-names.ts";
import type { CellValue } from "#core/snapshot/types.ts";
import type { SyncState } from "#core/sync/state.ts";
import { SYNC_SHEET_NAME } from "#core/sync/sync-sheet.ts";
import { createFakeExcel, seedFromSnapshot } from "#addin/memory-host/host.ts";
import { SEED_FIXTURES } from "#samples/seed-workbook.ts";

function setup(
  values: CellValue[][] = [
    ["Codice", "Titolo"],
    ["DGH", "DigitalGreenHealth"],
  ],
) {
  const host = createFakeExcel({ sheets: [{ name: "Progetti", values }] });
  return { host, adapter: new ExcelAdapter({ run: host.run }) };
}

describe("ExcelAdapter.writeCells", () => {
  it.each([
    ["=1+1"],
    ['=HYPERLINK("http://evil.example","click")'],
    ["+39 051 123456"],
    ["-not a number"],
    ["@SUM(A1:A2)"],
    ["5.1"],
    ["1.500"],
    ["ott 2021"],
    ["'quoted"],
    ["VERO"],
    ["plain text"],
  ])("keeps the text %j as that exact text, never a formula or a number", async (text) => {
    // Prepare
    const { host, adapter } = setup();
    // Act
    await adapter.writeCells("Progetti", [{ a1: "B2", value: text }]);
    // Assess
    const cell = host.cell("Progetti", "B2");
    expect(cell?.value).toBe(text);
    expect(cell?.formula).toBeUndefined();
  });

  it.each([
    [12.5, 12.5],
    [true, true],
    [null, undefined],
    ["", undefined],
  ] as const)("writes %j as %j", async (value, stored) => {
    // Prepare
    const { host, adapter } = setup();
    // Act
    await adapter.writeCells("Progetti", [{ a1: "B2", value }]);
    // Assess
    expect(host.cell("Progetti", "B2")?.value ?? undefined).toBe(stored);
  });

  it("writes many cells in one round trip with calculation suspended", async () => {
    // Prepare
    const { host, adapter } = setup();
    const updates = Array.from({ length: 500 }, (_, i) => ({
      a1: `C${String(i + 2)}`,
      value: `5.${String(i)}`,
    }));
    // Act
    const syncs = await host.countSyncs(() => adapter.writeCells("Progetti", updates));
    // Assess
    expect(syncs).toBe(1);
    expect(host.state.calcSuspensions).toBe(1);
    expect(host.cell("Progetti", "C501")?.value).toBe("5.499");
  });
});

describe("ExcelAdapter sync state", () => {
  const state: SyncState = {
    planId: "cluster-er-2022",
    apiUrl: "https://api.example.eu",
    cursor: "000123",
    rows: {
      "project:DGH": { version: 3, hash: "00ab12cd34ef5678" },
      "line:5.1": { version: 1, hash: "1234567890123456" },
    },
  };

  it("writes the very hidden sync sheet and reads the same state back", async () => {
    // Prepare
    const { host, adapter } = setup();
    // Act
    await adapter.writeSyncState(state);
    const back = await adapter.readSyncState();
    // Assess
    expect(back).toEqual(state);
    expect(host.sheet(SYNC_SHEET_NAME).visibility).toBe("VeryHidden");
  });

  it("records a newer state row by row: rows it does not name stay (a coauthor's), bases only move forward", async () => {
    // Prepare
    const { adapter } = setup();
    await adapter.writeSyncState(state);
    const smaller: SyncState = {
      planId: "cluster-er-2022",
      rows: { "project:DGH": { version: 4, hash: "ffffffffffffffff" } },
    };
    // Act
    await adapter.writeSyncState(smaller);
    await adapter.writeSyncState({ planId: "cluster-er-2022", rows: { "project:DGH": { version: 2, hash: "0000000000000000" } } });
    // Assess
    expect(await adapter.readSyncState()).toEqual({
      planId: "cluster-er-2022",
      rows: { "project:DGH": { version: 4, hash: "ffffffffffffffff" }, "line:5.1": { version: 1, hash: "1234567890123456" } },
    });
  });
});

describe("ExcelAdapter.defineLambdaNames", () => {
  it("defines PRL, PRLNEXT and BUDGET once, and leaves a user's own name alone", async () => {
    // Prepare
    const { host, adapter } = setup();
    host.state.names.set("budget", { name: "BUDGET", formula: "=Progetti!$B$2", comment: "" });
    // Act
    const first = await adapter.defineLambdaNames();
    const second = await adapter.defineLambdaNames();
    // Assess
    expect(first).toEqual({ defined: ["PRL", "PRLNEXT"], unchanged: [], conflicts: ["BUDGET"] });
    expect(second).toEqual({ defined: [], unchanged: ["PRL", "PRLNEXT"], conflicts: ["BUDGET"] });
    expect(host.state.names.get("prl")?.formula).toBe(LAMBDA_NAMES.PRL);
    expect(host.state.names.get("budget")?.formula).toBe("=Progetti!$B$2");
  });
});

describe("ExcelAdapter.addSheetWithTable", () => {
  it("creates the overview as a native table with a chart, replacing an older overview", async () => {
    // Prepare
    const { host, adapter } = setup();
    const rows: CellValue[][] = [
      ["Priorità", "PRL"],
      ["5", 6],
      ["=evil()", 2],
    ];
    await adapter.addSheetWithTable("Panoramica", [["old"]]);
    // Act
    const result = await adapter.addSheetWithTable("Panoramica", rows, { title: "PRL per priorità" }, "=generato");
    // Assess: the product mark and its note in row 1, the table from A3.
    const sheet = host.sheet("Panoramica");
    expect(result).toEqual({ sheet: "Panoramica", address: "A3:B5", table: "AP_Panoramica" });
    expect(host.values("Panoramica")).toEqual([["actionplan-overview", "=generato"], [null, null], ...rows]);
    expect(sheet.tables.map((t) => t.name)).toEqual(["AP_Panoramica"]);
    expect(sheet.charts.map((c) => c.title)).toEqual(["PRL per priorità"]);
    expect(host.state.sheets.filter((s) => s.name === "Panoramica")).toHaveLength(1);
    expect(host.state.activeSheet).toBe("Panoramica");
  });
});

describe("ExcelAdapter.selectCell", () => {
  it("activates the sheet and selects the cell", async () => {
    // Prepare
    const host = createFakeExcel({ sheets: (SEED_FIXTURES["messy-plan"]?.() ?? []).map(seedFromSnapshot) });
    const adapter = new ExcelAdapter({ run: host.run });
    const sheet = host.state.sheets[1]?.name ?? "";
    // Act
    await adapter.selectCell(sheet, "D7");
    // Assess
    expect(host.state.selection).toEqual({ sheet, address: "D7" });
    expect(host.state.activeSheet).toBe(sheet);
  });
});

describe("ExcelAdapter.onChanged", () => {
  it("calls back once per burst of edits and stops after dispose", async () => {
    // Prepare
    const { host, adapter } = setup();
    let calls = 0;
    const watch = await adapter.onChanged(() => (calls += 1), 20);
    // Act
    await host.edit("Progetti", "B2", "a");
    await host.edit("Progetti", "B3", "b");
    await new Promise((r) => setTimeout(r, 60));
    await watch.dispose();
    await host.edit("Progetti", "B4", "c");
    await new Promise((r) => setTimeout(r, 60));
    // Assess
    expect(calls).toBe(1);
  });
});
