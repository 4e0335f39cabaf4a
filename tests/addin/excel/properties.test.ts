/**
 * Property tests of the adapter's small protocols: any text written survives as that exact text,
 * addresses round-trip through the core's parser, chunks tile a sheet exactly, and the custom
 * functions' argument handling never throws.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quoteSheetName, sheetAddress } from "#addin/excel/a1.ts";
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import { planChunks } from "#addin/excel/chunks.ts";
import { budgetOf, overheadOf, prlLabelOf, prlNextOf, prlOf } from "#addin/functions/compute.ts";
import { PlanStore } from "#addin/shared/plan-store.ts";
import { parseRange } from "#core/values/address.ts";
import { createFakeExcel, seedFromSnapshot } from "#addin/memory-host/host.ts";
import { bigDataPlan } from "#samples/seed-workbook.ts";

describe("properties", () => {
  it("any text written with writeCells reads back as exactly that text", async () => {
    const host = createFakeExcel({ sheets: [{ name: "Progetti", values: [["Codice"]] }] });
    const adapter = new ExcelAdapter({ run: host.run });
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), async (text) => {
        await adapter.writeCells("Progetti", [{ a1: "B2", value: text }]);
        const cell = host.cell("Progetti", "B2");
        expect(cell?.value).toBe(text);
        expect(cell?.formula).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it("sheet-qualified addresses parse back to the same sheet and area", () => {
    const name = fc
      .string({ minLength: 1, maxLength: 31 })
      .filter((s) => !/[\\/?*[\]:]/.test(s) && s.trim() === s && s.length > 0);
    const area = fc.record({
      top: fc.integer({ min: 1, max: 1_048_576 }),
      left: fc.integer({ min: 1, max: 16_384 }),
      h: fc.nat(50),
      w: fc.nat(20),
    });
    fc.assert(
      fc.property(name, area, (sheet, a) => {
        const rect = {
          top: a.top,
          left: a.left,
          bottom: Math.min(1_048_576, a.top + a.h),
          right: Math.min(16_384, a.left + a.w),
        };
        const parsed = parseRange(sheetAddress(sheet, rect));
        expect(parsed).toEqual({ ...rect, sheet });
        expect(quoteSheetName(sheet).length).toBeGreaterThanOrEqual(sheet.length);
      }),
      { numRuns: 500 },
    );
  });

  it("value chunks tile rows 1..n exactly once and each stays within its cell budget", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 500, max: 100_000 }),
        (rows, cols, budget) => {
          const chunks = planChunks(0, rows, cols, [], budget);
          let next = 1;
          for (const c of chunks) {
            const r = parseRange(c.address);
            expect(r.top).toBe(next);
            expect(r.left).toBe(1);
            expect(r.right).toBe(cols);
            expect(c.cells).toBe((r.bottom - r.top + 1) * cols);
            expect(c.cells).toBeLessThanOrEqual(Math.max(budget, cols));
            next = r.bottom + 1;
          }
          expect(next).toBe(rows + 1);
        },
      ),
    );
  });

  it("custom function arguments of any shape give a value or a problem, never an exception", async () => {
    const store = new PlanStore({
      readSnapshot: async () => ({
        origin: "test",
        sheets: bigDataPlan()
          .map((s) => seedFromSnapshot(s))
          .map((s) => ({ name: s.name, values: s.values })),
      }),
    });
    const model = await store.refresh();
    const arg = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(arg, arg, arg, arg, arg, (a, b, c, d, e) => {
        for (const r of [
          prlOf(model, a, b, c),
          prlNextOf(model, a, "it"),
          prlLabelOf(a, "en"),
          budgetOf(model, a, b, c, d, e),
          overheadOf(a, b, c),
        ]) {
          expect(typeof r.ok).toBe("boolean");
          if (r.ok) expect(["number", "string"]).toContain(typeof r.value);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
