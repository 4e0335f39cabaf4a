/**
 * The adapter's critical paths on every Excel the add-in supports (the host profiles of
 * addin/memory-host/profile.ts): read, validate and highlight twice, clear, push (sync state),
 * pull (values + sync state), write the overview sheet, install the =PRL() formulas. Excel 2019
 * (ExcelApi 1.8) is below the manifest's minimum: the read fails there, which is why the
 * manifest asks for ExcelApi 1.13.
 */
import { describe, expect, it } from "vitest";
import { ExcelAdapter, FeatureUnavailableError } from "#addin/excel/adapter.ts";
import { MARKER_PREFIX } from "#addin/excel/internal-sheets.ts";
import { OVERVIEW_TABLE_ROW } from "#addin/excel/overview-sheet.ts";
import { createFakeExcel, seedFromSnapshot, type FakeExcelHost } from "#addin/memory-host/host.ts";
import { HOST_PROFILES, type HostProfile } from "#addin/memory-host/profile.ts";
import { analyzeWorkbook } from "#core/analyze.ts";
import type { SyncState } from "#core/sync/state.ts";
import { messyPlan } from "#samples/seed-workbook.ts";

const SUPPORTED = [HOST_PROFILES.web, HOST_PROFILES.desktop365, HOST_PROFILES.desktop2021, HOST_PROFILES.minimum] as const;

function open(profile: HostProfile, now?: () => number): { host: FakeExcelHost; adapter: ExcelAdapter; log: unknown[] } {
  const host = createFakeExcel({ sheets: messyPlan().map(seedFromSnapshot), profile });
  const log: unknown[] = [];
  const adapter = new ExcelAdapter({
    run: host.run,
    ...(now ? { now } : {}),
    supports: host.requirements.isSetSupported,
    log: (op, error) => log.push([op, error]),
  });
  return { host, adapter, log };
}

/** Our objects left in the workbook: marker sheets and rules that look at them. */
function ours(host: FakeExcelHost): { markers: string[]; rules: number } {
  return {
    markers: host.state.sheets.filter((s) => s.name.startsWith(MARKER_PREFIX)).map((s) => s.name),
    rules: host.state.sheets
      .flatMap((s) => s.conditionalFormats)
      .filter((c) => c.formula.includes(MARKER_PREFIX)).length,
  };
}

describe.each(SUPPORTED.map((p) => [p.label, p] as const))("on %s", (_, profile) => {
  it("reads, validates and highlights twice, then clears, leaving nothing of ours", async () => {
    // Prepare
    const { host, adapter, log } = open(profile);
    // Act
    const first = analyzeWorkbook(await adapter.readSnapshot());
    const once = await adapter.highlightIssues(first.issues);
    const again = analyzeWorkbook(await adapter.readSnapshot());
    const twice = await adapter.highlightIssues(again.issues);
    const highlighted = ours(host);
    await adapter.clearHighlights();
    // Assess
    expect(first.issues.length).toBeGreaterThan(0);
    expect(twice.cells).toEqual(once.cells);
    expect(highlighted.markers.length).toBe(Object.keys(twice.cells).length);
    expect(ours(host)).toEqual({ markers: [], rules: 0 });
    expect(log).toEqual([]);
  });

  it("highlights again with no read in between after the person added a rule: reads our rules first, keeps theirs, and clears", async () => {
    // Prepare: highlighted once; then the person adds a rule of their own (it takes the top
    // priority, so every id of ours — a priority, Excel.ConditionalFormat.id — moves down one)
    const { host, adapter, log } = open(profile);
    const { issues } = analyzeWorkbook(await adapter.readSnapshot());
    await adapter.highlightIssues(issues);
    const sheet = issues[0]?.sheet ?? "";
    await host.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem(sheet).getRange("A2:A3").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=A2<>\"\"";
      cf.custom.format.fill.color = "#00FF00";
      await ctx.sync();
    });
    const theirs = (): number => host.sheet(sheet).conditionalFormats.filter((c) => !c.formula.includes(MARKER_PREFIX)).length;
    // Act
    const syncs = await host.countSyncs(() => adapter.highlightIssues(issues));
    const highlighted = ours(host);
    await adapter.clearHighlights();
    // Assess: sheets, their rules, then the write (no delete by an id from before the person's rule)
    expect(syncs).toBe(3);
    expect(highlighted.rules).toBeGreaterThan(0);
    expect(theirs()).toBe(1);
    expect(ours(host)).toEqual({ markers: [], rules: 0 });
    expect(log).toEqual([]);
  });

  it("pushes (writes the sync state) and pulls (values and sync state in one batch)", async () => {
    // Prepare
    const { host, adapter } = open(profile);
    await adapter.readSnapshot();
    const pushed: SyncState = {
      planId: "clust-er-2025",
      locale: "it",
      rows: { "project:DGH": { version: 3, hash: "h3" } },
    };
    const pulled: SyncState = {
      ...pushed,
      cursor: "c9",
      rows: { ...pushed.rows, "project:NEW": { version: 1, hash: "n1" } },
    };
    // Act
    await adapter.writeSyncState(pushed);
    const afterPush = await adapter.readSyncState();
    await adapter.writeCellsAndSyncState([{ sheet: "Progetti", a1: "B3", value: '=HYPERLINK("x")' }], pulled);
    const afterPull = await adapter.readSyncState();
    // Assess
    expect(afterPush).toMatchObject({ planId: "clust-er-2025", rows: pushed.rows });
    expect(afterPull).toMatchObject({ cursor: "c9", rows: pulled.rows });
    expect(host.cell("Progetti", "B3")).toMatchObject({ value: '=HYPERLINK("x")', quotePrefix: true });
  });

  it("writes the overview sheet twice, replacing it", async () => {
    // Prepare
    const { host, adapter } = open(profile);
    const rows = [
      ["Priorità", "PRL"],
      ["5", 6],
    ];
    // Act
    await adapter.addSheetWithTable("Panoramica", rows, { title: "PRL" });
    await adapter.addSheetWithTable("Panoramica", [...rows, ["6", 4]], { title: "PRL" });
    // Assess
    expect(host.values("Panoramica").slice(OVERVIEW_TABLE_ROW - 1)).toEqual([...rows, ["6", 4]]);
    expect(host.sheet("Panoramica").tables).toHaveLength(1);
  });

  it("writes the movement as a second table under the first, its title between", async () => {
    // Prepare
    const { host, adapter } = open(profile);
    const rows = [
      ["Priorità", "PRL"],
      ["5", 6],
    ];
    const below = {
      title: "Cambiato dal 1 febbraio 2026",
      rows: [
        ["Progetto", "PRL prima", "PRL dopo"],
        ["DGH", 6, 8],
      ],
    };
    // Act
    const result = await adapter.addSheetWithTable("Panoramica", rows, { title: "PRL" }, undefined, below);
    // Assess: table A3:B4, blank row 5, title A6, second table A7:C8.
    const values = host.values("Panoramica");
    expect(result).toMatchObject({ address: "A3:B4", belowAddress: "A7:C8" });
    expect(values[5]?.[0]).toBe(below.title);
    expect(values.slice(6, 8)).toEqual(below.rows);
    expect(host.sheet("Panoramica").tables).toHaveLength(2);
  });

  it(`installs the =PRL() formulas where Excel has LAMBDA, else says it cannot`, async () => {
    // Prepare
    const { host, adapter } = open(profile);
    // Act
    const installing = adapter.defineLambdaNames();
    // Assess
    if (adapter.features.lambdaNames) {
      await expect(installing).resolves.toMatchObject({ defined: ["PRL", "PRLNEXT", "BUDGET"] });
      expect([...host.state.names.keys()]).toEqual(["prl", "prlnext", "budget"]);
    } else {
      await expect(installing).rejects.toBeInstanceOf(FeatureUnavailableError);
      expect(host.state.names.size).toBe(0);
    }
  });

  it("passes on a user's edit of a cell the add-in has written (at once with triggerSource, else after the 1 s window)", async () => {
    // Prepare
    let clock = 0;
    const { host, adapter } = open(profile, () => clock);
    await adapter.readSnapshot();
    let calls = 0;
    const watch = await adapter.onChanged(() => (calls += 1), 0);
    // Act
    await adapter.writeCells("Progetti", [{ a1: "B3", value: "ours" }]);
    await new Promise((r) => setTimeout(r, 20));
    const afterOurs = calls;
    // Without triggerSource (below ExcelApi 1.14) an edit of that cell within the window counts as ours.
    if (!adapter.features.triggerSource) clock += 1_001;
    await host.edit("Progetti", "B3", "theirs");
    await new Promise((r) => setTimeout(r, 20));
    await watch.dispose();
    // Assess
    expect(afterOurs).toBe(0);
    expect(calls).toBe(1);
  });
});

describe("at the manifest's minimum (ExcelApi 1.13), where the optional features are missing", () => {
  it("says so in its features, and filters its own writes the old way: a user's edit within 1 s is taken as ours", async () => {
    // Prepare
    const clock = 0;
    const { host, adapter } = open(HOST_PROFILES.minimum, () => clock);
    await adapter.readSnapshot();
    let calls = 0;
    const watch = await adapter.onChanged(() => (calls += 1), 0);
    // Act
    await adapter.writeCells("Progetti", [{ a1: "B3", value: "ours" }]);
    await host.edit("Progetti", "B3", "theirs");
    await host.edit("Progetti", "B4", "elsewhere");
    await new Promise((r) => setTimeout(r, 20));
    await watch.dispose();
    // Assess
    expect(adapter.features).toEqual({ triggerSource: false, lambdaNames: false });
    expect(calls).toBe(1);
  });
});

describe("below the manifest's minimum (Excel 2019, ExcelApi 1.8)", () => {
  it("cannot read the workbook: Excel raises ApiNotFound, which no fallback hides", async () => {
    // Prepare
    const { adapter, log } = open(HOST_PROFILES.desktop2019);
    // Act
    const reading = adapter.readSnapshot();
    // Assess
    await expect(reading).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(log).toHaveLength(1);
  });
});

describe("on protected sheets", () => {
  it("highlights the other sheets and reports the protected one as locked", async () => {
    // Prepare
    const sheets = messyPlan().map(seedFromSnapshot);
    const { issues } = analyzeWorkbook({ origin: "excel", sheets: messyPlan(), locale: "it" });
    const target = issues.find((i) => i.cell !== "")?.sheet ?? "";
    const host = createFakeExcel({
      sheets: sheets.map((s) => (s.name === target ? { ...s, protected: true } : s)),
    });
    const adapter = new ExcelAdapter({ run: host.run, supports: host.requirements.isSetSupported });
    await adapter.readSnapshot();
    // Act
    const result = await adapter.highlightIssues(issues);
    // Assess
    expect(result.locked).toEqual([target]);
    expect(result.cells[target]).toBeUndefined();
    expect(host.sheet(target).conditionalFormats).toEqual([]);
  });
});
