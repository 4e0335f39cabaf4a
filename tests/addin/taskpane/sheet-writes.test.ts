import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeWorkbook } from "#core/analyze.ts";
import { planRows } from "#core/sync/rows.ts";
import { stateKey } from "#core/sync/state.ts";
import type { RowValues } from "#core/sync/protocol.ts";
import type { WorkbookSnapshot } from "#core/snapshot/types.ts";
import { parseA1 } from "#core/values/index.ts";
import { OUTCOMES } from "#core/values/vocab.ts";
import { sheetWrites } from "#addin/taskpane/sync/sheet-writes.ts";
import type { IncomingRow } from "#addin/taskpane/sync/sheet-writes.ts";
import type { CellWrite } from "#addin/taskpane/services.ts";
import { bigDataPlan, snapshotOf } from "#samples/seed-workbook.ts";

/** Applies writes to a copy of the snapshot the way Excel would store plain values. */
function applyWrites(snapshot: WorkbookSnapshot, writes: readonly CellWrite[]): WorkbookSnapshot {
  const copy: WorkbookSnapshot = structuredClone(snapshot);
  for (const w of writes) {
    const sheet = copy.sheets.find((s) => s.name === w.sheet);
    if (!sheet) throw new Error(`no sheet ${w.sheet}`);
    const { row, col } = parseA1(w.cell);
    while (sheet.values.length < row) sheet.values.push([]);
    const line = sheet.values[row - 1]!;
    while (line.length < col) line.push(null);
    line[col - 1] = w.value === "" ? null : w.value;
  }
  return copy;
}

function wire(snapshot: WorkbookSnapshot): Map<string, RowValues> {
  const { plan } = analyzeWorkbook(snapshot);
  return new Map(planRows(plan).rows.map((r) => [stateKey(r.entity, r.key), r.values]));
}

describe("bringing cloud rows into the sheets", () => {
  const snapshot = snapshotOf(bigDataPlan());
  const { plan } = analyzeWorkbook(snapshot);
  const current = wire(snapshot);
  const dgh = current.get("project:DGH")!;

  it.each([
    {
      name: "a changed title and outcome",
      values: { ...dgh, title: "Digital Green Health 2", outcome: "funded" },
    },
    { name: "a new budget figure", values: { ...dgh, totalBudget: 512000.5 } },
    { name: "a formula-like title, kept as text", values: { ...dgh, title: '=HYPERLINK("x")' } },
    { name: "a tick set", values: { ...dgh, ticks: { ...(dgh["ticks"] as object), grantSigned: true } } },
  ])("updates an existing project in place: $name", ({ values }) => {
    // Prepare
    const incoming: IncomingRow[] = [{ entity: "project", key: "DGH", values, deleted: false }];
    // Act
    const writes = sheetWrites({ snapshot, plan, current, incoming });
    const after = wire(applyWrites(snapshot, writes));
    // Assess
    expect(writes.every((w) => w.sheet === "Progetti")).toBe(true);
    expect(after.get("project:DGH")).toEqual(values);
    expect(writes.length).toBeLessThanOrEqual(2);
  });

  it("appends a project the sheet does not have below the table", () => {
    // Prepare
    const values = {
      key: "NEWP",
      code: "NEWP",
      title: "Nuovo progetto",
      line: "5.1",
      outcome: "drafting",
      ticks: {},
    };
    const rowsBefore = snapshot.sheets.find((s) => s.name === "Progetti")!.values.length;
    // Act
    const writes = sheetWrites({
      snapshot,
      plan,
      current,
      incoming: [{ entity: "project", key: "NEWP", values, deleted: false }],
    });
    const after = wire(applyWrites(snapshot, writes));
    // Assess
    expect(new Set(writes.map((w) => parseA1(w.cell).row))).toEqual(new Set([rowsBefore + 1]));
    expect(after.get("project:NEWP")).toMatchObject({
      code: "NEWP",
      title: "Nuovo progetto",
      line: "5.1",
      outcome: "drafting",
    });
  });

  it("clears a row deleted in the cloud", () => {
    // Act
    const writes = sheetWrites({
      snapshot,
      plan,
      current,
      incoming: [{ entity: "project", key: "DGH", values: {}, deleted: true }],
    });
    const after = wire(applyWrites(snapshot, writes));
    // Assess
    expect(after.has("project:DGH")).toBe(false);
    for (const [id, values] of current)
      if (id.startsWith("project:") && id !== "project:DGH") expect(after.get(id)).toEqual(values);
  });
});

describe("sheet writes round trip (property)", () => {
  const snapshot = snapshotOf(bigDataPlan());
  const { plan } = analyzeWorkbook(snapshot);
  const current = wire(snapshot);
  const dgh = current.get("project:DGH")!;
  const text = fc
    .string({ minLength: 1, maxLength: 40, unit: "grapheme" })
    .map((s) => s.trim())
    .filter((s) => s !== "" && !/^\s|\s$/.test(s));

  it("any title, call and amount written for a project reads back as the same values", () => {
    fc.assert(
      fc.property(
        text,
        text,
        fc.integer({ min: 0, max: 10_000_000_00 }),
        fc.constantFrom(...OUTCOMES),
        (title, call, cents, outcome) => {
          // Prepare
          const values = { ...dgh, title, call, totalBudget: cents / 100, outcome };
          // Act
          const writes = sheetWrites({
            snapshot,
            plan,
            current,
            incoming: [{ entity: "project", key: "DGH", values, deleted: false }],
          });
          const after = analyzeWorkbook(applyWrites(snapshot, writes)).plan.projects.find(
            (p) => p.key === "DGH",
          );
          // Assess
          expect([after?.title, after?.call, after?.totalBudget, after?.outcome]).toEqual([
            title,
            call,
            cents,
            outcome,
          ]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
