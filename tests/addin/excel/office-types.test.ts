/**
 * The adapter's Excel API slice must be satisfied by Office.js's real types and by the fake host,
 * so that what the tests exercise is what Excel runs. Checked by the type checker
 * (`npm run typecheck`); the runtime assertion checks the fake plugs in as `run`.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import type { ExcelRun, RequestContextLike } from "#addin/excel/api.ts";
import { createFakeExcel, type FakeRequestContext } from "#addin/memory-host/host.ts";

describe("Excel API slice", () => {
  it("is satisfied by Office.js's RequestContext and Excel.run", () => {
    expectTypeOf<Excel.RequestContext>().toExtend<RequestContextLike>();
    expectTypeOf<typeof Excel.run>().toExtend<ExcelRun>();
  });

  it("is satisfied by the fake host's context and run", async () => {
    // Prepare
    expectTypeOf<FakeRequestContext>().toExtend<RequestContextLike>();
    const host = createFakeExcel({ sheets: [{ name: "Foglio1", values: [["a"]] }] });
    const run: ExcelRun = host.run;
    // Act
    const name = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Foglio1");
      ws.load("name");
      await ctx.sync();
      return ws.name;
    });
    // Assess
    expect(name).toBe("Foglio1");
  });
});
