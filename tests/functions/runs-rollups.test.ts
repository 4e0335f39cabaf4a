/**
 * GET /runs (nightly run reports, newest first) and GET /rollups (the core's report computed on
 * the cloud state) over HTTP.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { apiPaths, type PushResponse, type RunReport, type RunsResponse } from "#core/sync/protocol.ts";
import type { ReportJson } from "#core/report/index.ts";
import { call, pushBody } from "#tests/support/api-client.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { budget, line, priority, project } from "#tests/support/rows.ts";

const PLAN = "reports";
const stack = useLocalStack();
let token = "";

const run = (startedAt: string, applied: number): RunReport => ({
  runId: `run-${startedAt}`,
  plan: PLAN,
  startedAt,
  finishedAt: startedAt,
  files: [
    {
      file: "Action Plan.xlsx",
      status: "applied",
      applied,
      unchanged: 0,
      conflicts: 0,
      invalid: 1,
      errors: [{ message: "Riga non valida", sheet: "Progetti", cell: "D7" }],
    },
  ],
});

beforeAll(async () => {
  await stack().store.createPlan(PLAN, "Reports", "reports-user");
  token = await stack().issuer.mintToken({ oid: "reports-user" });
});

describe("runs", () => {
  it("lists the nightly run reports newest first", async () => {
    // Prepare
    await stack().store.putRun(PLAN, run("2026-03-01T02:30:00.000Z", 3));
    await stack().store.putRun(PLAN, run("2026-03-02T02:30:00.000Z", 5));
    // Act
    const reply = await call<RunsResponse>(stack().apiUrl, "GET", apiPaths.runs(PLAN), { token });
    // Assess
    expect(reply.status).toBe(200);
    expect(reply.body.runs.map((r) => r.files[0]?.applied)).toEqual([5, 3]);
    expect(reply.body.runs[0]?.files[0]?.errors[0]).toEqual({
      message: "Riga non valida",
      sheet: "Progetti",
      cell: "D7",
    });
  });
});

describe("rollups", () => {
  it("computes PRL and roll-ups of the cloud state with the core, ignoring tombstones", async () => {
    // Prepare
    const pushed = await call<PushResponse>(stack().apiUrl, "POST", apiPaths.sync(PLAN), {
      token,
      body: pushBody([
        priority("5", "Big Data"),
        line("5.1", "5"),
        project("DGH", "5.1", "DigitalGreenHealth", 0, {
          programme: "Horizon Europe",
          totalBudget: 499875,
          requested: 499875,
          outcome: "funded",
        }),
        project("OLD", "5.1", "Cancellato", 0, { totalBudget: 1000 }),
        budget("DGH", "equipment", 1000),
      ]),
    });
    expect(pushed.body.results.every((r) => r.status === "applied")).toBe(true);
    await call(stack().apiUrl, "POST", apiPaths.sync(PLAN), {
      token,
      body: pushBody([{ entity: "project", key: "OLD", baseVersion: 1, values: {}, deleted: true }]),
    });
    // Act
    const reply = await call<ReportJson>(stack().apiUrl, "GET", apiPaths.rollups(PLAN), { token });
    // Assess
    expect(reply.status).toBe(200);
    expect(reply.body.schema).toBe(1);
    expect(reply.body.projects.map((p) => p.code)).toEqual(["DGH"]);
    expect(reply.body.rollups.byPriority["5"]).toMatchObject({
      count: 1,
      totalBudget: 499875,
      funded: 499875,
    });
  });
});
