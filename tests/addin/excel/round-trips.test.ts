/**
 * SPEC §11: the add-in's Excel calls per validate, push and pull are a constant number of
 * `context.sync()` round trips (≤ 3) whatever the row count. Measured on the fake host, which
 * counts syncs and (for the web) refuses a sync whose payload is over the cap.
 */
import { describe, expect, it } from "vitest";
import { ExcelAdapter, type SheetCellUpdate } from "#addin/excel/adapter.ts";
import { MARKER_PREFIX } from "#addin/excel/highlights.ts";
import { WEB_MAX_CELLS_PER_SYNC, type ReadOptions } from "#addin/excel/read-snapshot.ts";
import { analyzeWorkbook } from "#core/analyze.ts";
import type { SyncState } from "#core/sync/state.ts";
import { readSyncSheet } from "#core/sync/sync-sheet.ts";
import { columnLetter } from "#core/values/address.ts";
import { createFakeExcel, seedFromSnapshot, type FakeExcelHost } from "#addin/memory-host/host.ts";
import { largeWorkbook } from "#samples/large-workbook.ts";
import type { FixtureSheet } from "#samples/seed-workbook.ts";

const SIZES = [10, 1_000, 10_000] as const;

/** The plan with every 10th project's code repeated from the row above, so issues grow with the row count. */
function planWithIssues(projects: number, only?: string): FixtureSheet[] {
  const sheets = largeWorkbook({ projects }).filter((s) => only === undefined || s.name === only);
  const progetti = sheets.find((s) => s.name === "Progetti");
  const col = progetti?.values[0]?.indexOf("Codice") ?? -1;
  progetti?.values.forEach((row, r) => {
    if (r > 1 && r % 10 === 0) row[col] = progetti.values[r - 1]?.[col] ?? null;
  });
  return sheets;
}

interface Workbook {
  host: FakeExcelHost;
  adapter: ExcelAdapter;
}

function open(sheets: FixtureSheet[], read: ReadOptions, payloadLimitCells?: number): Workbook {
  const host = createFakeExcel({
    sheets: sheets.map(seedFromSnapshot),
    ...(payloadLimitCells === undefined ? {} : { payloadLimitCells }),
  });
  return { host, adapter: new ExcelAdapter({ run: host.run, read }) };
}

/** The validate action: read → analyse → highlight. Returns the issue count. */
async function validate(wb: Workbook): Promise<number> {
  const { issues } = analyzeWorkbook(await wb.adapter.readSnapshot());
  await wb.adapter.highlightIssues(issues);
  return issues.length;
}

/** The push action's Excel side: read (the sync state is in the snapshot) → write the new state. */
async function push(wb: Workbook): Promise<void> {
  const state = readSyncSheet(await wb.adapter.readSnapshot()) as SyncState;
  state.rows[`project:P${String(Object.keys(state.rows).length)}`] = { version: 1, hash: "h" };
  await wb.adapter.writeSyncState(state);
}

/** The pull action's Excel side: read → write pulled values and the advanced state together. */
async function pull(wb: Workbook): Promise<number> {
  const snapshot = await wb.adapter.readSnapshot();
  const state = readSyncSheet(snapshot) as SyncState;
  const rows = snapshot.sheets.find((s) => s.name === "Progetti")?.values ?? [];
  const title = columnLetter((rows[0]?.indexOf("Titolo progetto") ?? 0) + 1);
  const writes: SheetCellUpdate[] = [];
  for (let r = 2; r <= rows.length; r += 7)
    writes.push({ sheet: "Progetti", a1: `${title}${String(r)}`, value: `Pulled ${String(r)}` });
  state.cursor = `c${String(writes.length)}`;
  await wb.adapter.writeCellsAndSyncState(writes, state);
  return writes.length;
}

/** Our rules (by sheet) and marker sheets with their cells: what the user sees highlighted. */
function highlighting(host: FakeExcelHost): { rules: unknown[]; markers: unknown[] } {
  const rules = host.state.sheets.flatMap((sheet) =>
    sheet.conditionalFormats
      .filter((c) => c.formula.includes(MARKER_PREFIX))
      .map((c) => ({ sheet: sheet.name, area: c.area, formula: c.formula, fill: c.fill }))
      .sort((a, b) => a.formula.localeCompare(b.formula)),
  );
  const markers = host.state.sheets
    .filter((sheet) => sheet.name.startsWith(MARKER_PREFIX))
    .map((sheet) => ({ name: sheet.name, visibility: sheet.visibility, values: host.values(sheet.name) }));
  return { rules, markers };
}

const PLATFORMS = [
  ["desktop (no payload cap), whole plan with 4 budget rows per project", undefined, undefined],
  ["Excel on the web (5 MB cap), projects sheet", "Progetti", WEB_MAX_CELLS_PER_SYNC],
] as const;

describe("Excel round trips per action", () => {
  it.each(PLATFORMS)(
    "validate, push and pull each take the same count, at most 3, for 10, 1 000 and 10 000 projects on %s",
    async (_, only, cap) => {
      const counts: number[][] = [];
      for (const projects of SIZES) {
        // Prepare: a bound workbook already highlighted once (so there are rules to replace).
        const wb = open(
          planWithIssues(projects, only),
          cap === undefined ? {} : { maxCellsPerSync: cap },
          cap,
        );
        await wb.adapter.writeSyncState({ planId: "plan", rows: {} });
        const firstIssues = await validate(wb);
        // Act
        const validated = await wb.host.countSyncs(() => validate(wb));
        const pushed = await wb.host.countSyncs(() => push(wb));
        const pulled = await wb.host.countSyncs(() => pull(wb));
        counts.push([validated, pushed, pulled]);
        // Assess: the work was done (issues highlighted once, state and values written).
        expect(firstIssues).toBeGreaterThanOrEqual(Math.floor(projects / 10));
        const ours = wb.host
          .sheet("Progetti")
          .conditionalFormats.filter((c) => c.formula.includes(MARKER_PREFIX));
        expect(ours).toHaveLength(2);
        const after = await wb.adapter.readSnapshot();
        expect(readSyncSheet(after)?.cursor).toMatch(/^c\d+$/);
        expect(readSyncSheet(after)?.rows["project:P0"]).toEqual({ version: 1, hash: "h" });
      }
      expect(counts[1]).toEqual(counts[0]);
      expect(counts[2]).toEqual(counts[0]);
      for (const c of counts[0] ?? []) expect(c).toBeLessThanOrEqual(3);
      // Printed for the report: [validate, push, pull] per size.
      console.info(`round trips [validate, push, pull] on ${_}:`, JSON.stringify(counts));
    },
    60_000,
  );

  it.each([
    [
      "a rule of ours deleted behind the adapter's back",
      (h: FakeExcelHost) => {
        const s = h.sheet("Progetti");
        s.conditionalFormats = s.conditionalFormats.filter((c) => !c.formula.includes(MARKER_PREFIX));
      },
    ],
    [
      "a marker sheet deleted behind the adapter's back",
      (h: FakeExcelHost) => {
        h.state.sheets = h.state.sheets.filter((s) => !s.name.startsWith(MARKER_PREFIX));
      },
    ],
  ])("re-reads and still leaves exactly one set of highlights when %s", async (_, tamper) => {
    // Prepare
    const wb = open(planWithIssues(200), {});
    const control = open(planWithIssues(200), {});
    await validate(wb);
    const snapshot = await wb.adapter.readSnapshot();
    const { issues } = analyzeWorkbook(snapshot);
    await control.adapter.highlightIssues(issues);
    tamper(wb.host);
    // Act
    const syncs = await wb.host.countSyncs(() => wb.adapter.highlightIssues(issues));
    // Assess: the same highlighting as on an untouched copy, without duplicates or leftovers.
    expect(highlighting(wb.host)).toEqual(highlighting(control.host));
    expect(highlighting(wb.host).markers.length).toBeGreaterThan(0);
    expect(syncs).toBe(4); // the refused batch, then sheets, their rules, and the write
  });

  it.each([
    ["after a read that saw the sync sheet", true, false, 1],
    // Nothing known: look for the sheet, read its lines (a row-by-row write needs them), write.
    ["with no read before (looks for the sync sheet first)", false, false, 3],
    ["when the sync sheet went away after the read (refused, then looks)", true, true, 3],
  ])("writes pulled values and the sync state together %s", async (_, readFirst, removeSheet, expected) => {
    // Prepare
    const wb = open(planWithIssues(50), {});
    await new ExcelAdapter({ run: wb.host.run }).writeSyncState({ planId: "plan", rows: {} });
    if (readFirst) await wb.adapter.readSnapshot();
    if (removeSheet)
      wb.host.state.sheets = wb.host.state.sheets.filter((s) => !s.name.startsWith("_actionplan"));
    const state: SyncState = {
      planId: "plan",
      cursor: "c9",
      rows: { "project:X": { version: 3, hash: "x" } },
    };
    // Act
    const syncs = await wb.host.countSyncs(() =>
      wb.adapter.writeCellsAndSyncState(
        [
          { sheet: "Progetti", a1: "B2", value: "=not a formula" },
          { sheet: "Budget", a1: "A2", value: "X" },
        ],
        state,
      ),
    );
    // Assess
    const after = await wb.adapter.readSnapshot();
    expect(readSyncSheet(after)).toEqual(state);
    expect(wb.host.cell("Progetti", "B2")).toMatchObject({ value: "=not a formula" });
    expect(wb.host.cell("Progetti", "B2")?.formula).toBeUndefined();
    expect(wb.host.cell("Budget", "A2")?.value).toBe("X");
    expect(syncs).toBe(expected);
  });

  it("reads over the web's cap in budgeted chunks, then skips the one-batch attempt on the next read", async () => {
    // Prepare: the whole 10 000-project plan is ~410 000 cells, over the ~262 000-cell budget.
    const sheets = planWithIssues(10_000);
    const wb = open(sheets, { maxCellsPerSync: WEB_MAX_CELLS_PER_SYNC }, WEB_MAX_CELLS_PER_SYNC);
    const desktop = open(sheets, {});
    // Act
    const first = await wb.host.countSyncs(() => wb.adapter.readSnapshot());
    const second = await wb.host.countSyncs(() => wb.adapter.readSnapshot());
    // Assess
    expect(await wb.adapter.readSnapshot()).toEqual(await desktop.adapter.readSnapshot());
    expect(wb.host.state.largestBatchCells).toBeLessThanOrEqual(WEB_MAX_CELLS_PER_SYNC);
    expect(first).toBe(second + 2); // the refused one-batch attempt and its sheet list
    expect(second).toBeGreaterThan(3);
  }, 60_000);
});
