/**
 * The second opinion (issue #12): the adapter's write path, and the read-then-write of the =PRL()
 * names, run against Microsoft's own mock,
 * `office-addin-mock`, beside our in-memory stand-in. The mock knows only the members its object
 * model is given and Office's load/sync rule (a property read before `load` + `sync` reads as
 * "Error, property was not loaded"), so a call our stand-in would forgive — a member Excel lacks,
 * a read before sync — fails or reads wrong here. What it cannot judge (collections' `items/…`
 * load paths, refusals, value parsing) is listed in addin/memory-host/README.md.
 */
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import type { ExcelRun } from "#addin/excel/api.ts";
import { LAMBDA_NAMES, defineLambdaNames } from "#addin/excel/lambda-names.ts";
import { selectCell } from "#addin/excel/select.ts";
import { writeSheetCells, type SheetCellUpdate } from "#addin/excel/write-cells.ts";
import { createFakeExcel } from "#addin/memory-host/host.ts";

const UPDATES: SheetCellUpdate[] = [
  { sheet: "Progetti", a1: "B3", value: "=1+1" },
  { sheet: "Progetti", a1: "C3", value: 12.5 },
  { sheet: "Progetti", a1: "D3", value: 46000, numberFormat: "dd/mm/yyyy" },
  { sheet: "Linee", a1: "A2", value: "5.1" },
  { sheet: "Linee", a1: "B2", value: null },
];

interface MockRange {
  address: string;
  values: unknown[][];
  numberFormat: string[][];
  selected: boolean;
}

/** An Excel object model for office-addin-mock: the sheets and cells `updates` touch, nothing more. */
function mockExcel(updates: readonly SheetCellUpdate[]) {
  const events: string[] = [];
  const byName: Record<string, unknown> = {};
  for (const u of updates) {
    const sheet = (byName[u.sheet] ??= {
      name: u.sheet,
      ranges: {},
      activate() {
        events.push(`activate ${u.sheet}`);
      },
      getRange(this: { ranges: Record<string, MockRange> }, a1: string) {
        const range = this.ranges[a1];
        if (range === undefined) throw new Error(`getRange(${a1}): not in the mock's object model`);
        return range;
      },
    }) as { ranges: Record<string, unknown> };
    sheet.ranges[u.a1] = {
      address: `${u.sheet}!${u.a1}`,
      values: [["(untouched)"]],
      numberFormat: [["General"]],
      select() {
        events.push(`select ${u.sheet}!${u.a1}`);
      },
    };
  }
  const mock = new OfficeMockObject({
    host: "excel",
    context: {
      workbook: {
        application: {
          suspendApiCalculationUntilNextSync() {
            events.push("suspend calculation");
          },
        },
        worksheets: {
          byName,
          getItem(this: { byName: Record<string, unknown> }, name: string) {
            const ws = this.byName[name];
            if (ws === undefined) throw new Error(`getItem(${name}): not in the mock's object model`);
            return ws;
          },
        },
      },
    },
  }) as unknown as {
    context: {
      sync(): Promise<void>;
      workbook: { worksheets: { byName: Record<string, { ranges: Record<string, MockRange> }> } };
    };
  };
  const context = mock.context;
  const syncs = { count: 0 };
  const sync = context.sync.bind(context);
  context.sync = async () => {
    syncs.count += 1;
    events.push("sync");
    await sync();
  };
  const run = (async (batch: (ctx: unknown) => Promise<unknown>) => batch(context)) as unknown as ExcelRun;
  const range = (sheet: string, a1: string): MockRange =>
    context.workbook.worksheets.byName[sheet]!.ranges[a1]!;
  return { run, range, events, syncs };
}

describe("the adapter's write path on office-addin-mock", () => {
  it("writes every cell, its number format, with calculation suspended, in one sync", async () => {
    // Prepare
    const excel = mockExcel(UPDATES);
    // Act
    const written = await writeSheetCells(excel.run, UPDATES);
    // Assess
    expect(written.cells).toBe(UPDATES.length);
    expect(excel.syncs.count).toBe(1);
    expect(excel.events).toEqual(["suspend calculation", "sync"]);
    expect(UPDATES.map((u) => excel.range(u.sheet, u.a1).values)).toEqual([
      [["'=1+1"]],
      [[12.5]],
      [[46000]],
      [["'5.1"]],
      [[""]],
    ]);
    expect(excel.range("Progetti", "D3").numberFormat).toEqual([["dd/mm/yyyy"]]);
    // Untouched: still what the mock answers for a property nobody loaded or set.
    expect(excel.range("Progetti", "C3").numberFormat).toBe("Error, property was not loaded");
  });

  it("sends exactly what our stand-in receives: texts kept as text, numbers as numbers", async () => {
    // Prepare
    const excel = mockExcel(UPDATES);
    const host = createFakeExcel({
      sheets: [
        { name: "Progetti", values: [["x"]] },
        { name: "Linee", values: [["x"]] },
      ],
    });
    // Act
    await writeSheetCells(excel.run, UPDATES);
    await writeSheetCells(host.run, UPDATES);
    // Assess: the mock keeps the raw input; the stand-in enters it as Excel does ("'" keeps text).
    for (const u of UPDATES) {
      const raw = excel.range(u.sheet, u.a1).values[0]?.[0];
      const cell = host.cell(u.sheet, u.a1);
      const entered = typeof raw === "string" && raw.startsWith("'") ? raw.slice(1) : raw === "" ? null : raw;
      expect(cell?.value ?? null, `${u.sheet}!${u.a1}`).toEqual(entered);
      expect(cell?.formula, `${u.sheet}!${u.a1}`).toBeUndefined();
    }
  });

  it("selects a cell: activates its sheet and selects the range in one sync", async () => {
    // Prepare
    const excel = mockExcel([{ sheet: "Linee", a1: "A2", value: null }]);
    // Act
    await selectCell(excel.run, "Linee", "A2");
    // Assess
    expect(excel.events).toEqual(["activate Linee", "select Linee!A2", "sync"]);
  });

  it("would catch a read before load and sync: the mock answers with its error text, not the value", async () => {
    // Prepare: the guard the adapter's reads rely on, shown on the mock itself.
    const mock = new OfficeMockObject({ host: "excel", range: { values: [["5.1"]] } }) as unknown as {
      range: { values: unknown; load(p: string): void };
      sync(): Promise<void>;
    };
    // Act
    const before = mock.range.values;
    mock.range.load("values");
    const loadedNotSynced = mock.range.values;
    await mock.sync();
    // Assess
    expect([before, loadedNotSynced, mock.range.values]).toEqual([
      "Error, property was not loaded",
      "Error, context.sync() was not called",
      [["5.1"]],
    ]);
  });
});

describe("the adapter's read-then-write of the =PRL() names on office-addin-mock", () => {
  it("reads each name's formula after load and sync, keeps the user's, adds only the missing one", async () => {
    // Prepare: PRL already ours, PRLNEXT the user's own, BUDGET missing.
    const added: [string, string][] = [];
    const mock = new OfficeMockObject({
      host: "excel",
      context: {
        workbook: {
          names: {
            PRL: { name: "PRL", formula: LAMBDA_NAMES.PRL },
            PRLNEXT: { name: "PRLNEXT", formula: "=Foglio1!$A$1" },
            BUDGET: { name: "BUDGET", formula: "" },
            getItemOrNullObject(this: Record<string, unknown>, name: string) {
              return this[name];
            },
            add(name: string, formula: string) {
              added.push([name, formula]);
            },
          },
        },
      },
    }) as unknown as {
      context: { sync(): Promise<void>; workbook: { names: Record<string, { isNullObject: boolean }> } };
    };
    const names = mock.context.workbook.names;
    // Office fills isNullObject with the response of any load; the mock has no such notion.
    for (const name of ["PRL", "PRLNEXT", "BUDGET"]) names[name]!.isNullObject = name === "BUDGET";
    let syncs = 0;
    const sync = mock.context.sync.bind(mock.context);
    mock.context.sync = async () => {
      syncs += 1;
      await sync();
    };
    const run = (async (batch: (ctx: unknown) => Promise<unknown>) =>
      batch(mock.context)) as unknown as ExcelRun;
    // Act
    const result = await defineLambdaNames(run);
    // Assess
    expect(result).toEqual({ defined: ["BUDGET"], unchanged: ["PRL"], conflicts: ["PRLNEXT"] });
    expect(added).toEqual([["BUDGET", LAMBDA_NAMES.BUDGET]]);
    expect(syncs).toBe(2);
  });
});
