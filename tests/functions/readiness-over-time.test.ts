/**
 * Readiness over time (issue #17) on DynamoDB Local: the plan as it stood at a moment
 * (rollups?asOf=) and what moved between two moments (movement), over histories written with a
 * clock the test sets, tombstones and restores included; then the API's answers to bad dates,
 * strangers and readers over loopback HTTP.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseMoment } from "#core/report/moment.ts";
import type { MovementJson } from "#core/report/movement.ts";
import type { ReportJson } from "#core/report/index.ts";
import { rowHash } from "#core/sync/hash.ts";
import { apiPaths, type PushRow } from "#core/sync/protocol.ts";
import type { DynamoSyncStore } from "#functions/store/dynamo/store.ts";
import { planRollupsAsOf } from "#functions/sync/as-of.ts";
import { planMovement } from "#functions/sync/movement.ts";
import { planRollups } from "#functions/sync/rollups.ts";
import { call } from "#tests/support/api-client.ts";
import { storeWithClock } from "#tests/support/clock-store.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { line, priority, project, USERS } from "#tests/support/rows.ts";

const PLAN = "readiness";
const stack = useLocalStack();
let store: DynamoSyncStore;
let clock = 0;
const ms = (iso: string): number => Date.parse(iso);

/** Writes rows (base = current version) at a moment, as `by`. */
async function writeAt(iso: string, rows: (PushRow & { deleted?: boolean })[], by = "ada"): Promise<void> {
  clock = ms(iso);
  const current = await store.getRows(PLAN, rows);
  const outcomes = await store.writeRows(
    PLAN,
    rows.map((r) => {
      const base = current.get(`${r.entity}#${r.key}`)?.version ?? 0;
      const deleted = r.deleted ?? false;
      return { entity: r.entity, key: r.key, baseVersion: base, values: r.values, deleted, hash: rowHash(r.values, deleted) };
    }),
    { id: by, source: "cli" },
    `w-${iso}`,
  );
  expect(outcomes.every((o) => o.status === "applied")).toBe(true);
}

const A_SUBMITTED = project("A", "5.1", "Alfa", 0, { outcome: "submitted", requested: 1000 });
const A_FUNDED = project("A", "5.1", "Alfa", 0, { outcome: "funded", requested: 1000 });
const B = project("B", "5.1", "Beta");
const C = project("C", "5.1", "Gamma", 0, { programme: "Horizon Europe", call: "HORIZON-X" });

beforeAll(async () => {
  const clocked = storeWithClock({ table: stack().tableName });
  clocked.ctx.now = () => clock;
  store = clocked.store;
  await stack().store.createPlan(PLAN, "Readiness", USERS.admin);
  // January: the plan is written; February: A is funded, B deleted; March: B restored, C added.
  await writeAt("2026-01-10T10:00:00.000Z", [priority("5"), line("5.1", "5"), A_SUBMITTED, B]);
  await writeAt("2026-02-10T10:00:00.000Z", [A_FUNDED, { ...B, deleted: true }], "bea");
  await writeAt("2026-03-10T10:00:00.000Z", [B, C], "carla");
});

const prls = (r: ReportJson) => Object.fromEntries(r.projects.map((p) => [p.code, p.prl]));

describe("the plan as it stood at a moment", () => {
  it.each([
    ["2026-01-09", {}],
    ["2026-01-31", { A: 6, B: 1 }],
    ["2026-02-10T09:59:59.999Z", { A: 6, B: 1 }],
    ["2026-02-10", { A: 8 }],
    ["2026-03-10T10:59:59+01:00", { A: 8 }],
    ["2026-03-10T11:00:00+01:00", { A: 8, B: 1, C: 3 }],
    ["2026-03-31", { A: 8, B: 1, C: 3 }],
  ])("as of %s, projects and PRLs are %j (later versions ignored, deleted rows left out)", async (asOf, want) => {
    const report = await planRollupsAsOf(store, PLAN, parseMoment(asOf, "end") as number, "en");
    expect(prls(report)).toEqual(want);
  });

  it("rolls up the plan as it stood, with the same core as today's roll-ups", async () => {
    const feb = await planRollupsAsOf(store, PLAN, ms("2026-02-28T23:59:59.999Z"), "en");
    expect(feb.asOf).toBe("2026-02-28T23:59:59.999Z");
    expect(feb.lines.find((l) => l.code === "5.1")?.prl).toBe(8);
    expect(feb.rollups.byPriority["5"]).toMatchObject({ count: 1, requested: 1000, funded: 1000 });
    const jan = await planRollupsAsOf(store, PLAN, ms("2026-01-31T00:00:00Z"), "en");
    expect(jan.rollups.byPriority["5"]).toMatchObject({ count: 2, requested: 1000, funded: 0 });
    // After the last change, as of then = today's report.
    const now = await planRollups(store, PLAN, "en", "2026-04-01");
    const late = await planRollupsAsOf(store, PLAN, ms("2026-04-01T23:59:59.999Z"), "en");
    expect({ ...late, asOf: undefined }).toEqual({ ...now, asOf: undefined });
  });
});

describe("what moved between two moments", () => {
  it("lists a changed project with before and after, when and by whom, and a removed one", async () => {
    const m = await planMovement(store, PLAN, ms("2026-02-01T00:00:00Z"), ms("2026-02-28T23:59:59.999Z"), "en");
    expect(m.projects).toEqual([
      {
        project: "A",
        title: "Alfa",
        kind: "changed",
        before: { prl: 6, outcome: "submitted", requested: 1000, funded: 0, line: "5.1" },
        after: { prl: 8, outcome: "funded", requested: 1000, funded: 1000, line: "5.1" },
        fields: ["prl", "outcome", "funded"],
        at: "2026-02-10T10:00:00.000Z",
        by: "bea",
      },
      expect.objectContaining({ project: "B", kind: "removed", before: expect.objectContaining({ prl: 1 }), by: "bea" }),
    ]);
  });

  it("leaves out a project deleted and restored to the same values; lists one added", async () => {
    const m = await planMovement(store, PLAN, ms("2026-02-01T00:00:00Z"), ms("2026-03-31T00:00:00Z"), "en");
    expect(m.projects.map((e) => [e.project, e.kind])).toEqual([
      ["A", "changed"],
      ["C", "added"],
    ]);
    expect(m.projects[1]).toMatchObject({ after: { prl: 3 }, at: "2026-03-10T10:00:00.000Z", by: "carla" });
  });

  it("keeps within the response budget and counts what it left out", async () => {
    const m = await planMovement(store, PLAN, ms("2026-01-01T00:00:00Z"), ms("2026-03-31T00:00:00Z"), "en", 400);
    expect(m.projects.length).toBeGreaterThan(0);
    expect(m.projects.length + (m.omitted ?? 0)).toBe(3);
    expect(m.omitted).toBeGreaterThan(0);
  });
});

describe("a long change log", () => {
  it("is read whole across several windows of sequence numbers, and only up to the moment", async () => {
    const plan = "readiness-long";
    await stack().store.createPlan(plan, "Long", USERS.admin);
    const rows = (n: number, from: number) => Array.from({ length: n }, (_, i) => priority(`P${from + i}`));
    const write = async (iso: string, batch: PushRow[]) => {
      clock = ms(iso);
      const out = await store.writeRows(
        plan,
        batch.map((r) => ({ entity: r.entity, key: r.key, baseVersion: 0, values: r.values, deleted: false, hash: rowHash(r.values) })),
        { id: "ada", source: "cli" },
        `long-${iso}`,
      );
      expect(out.filter((o) => o.status === "applied")).toHaveLength(batch.length);
    };
    // 4 300 changes: more than four windows of 1 000, so the read goes round twice.
    await write("2026-05-01T00:00:00.000Z", rows(4200, 0));
    await write("2026-06-01T00:00:00.000Z", rows(100, 4200));
    expect((await store.readLog(plan, 0, ms("2026-05-15T00:00:00Z"))).filter((e) => e.version).length).toBeGreaterThanOrEqual(4200);
    const may = await planRollupsAsOf(store, plan, ms("2026-05-15T00:00:00Z"), "en");
    const june = await planRollupsAsOf(store, plan, ms("2026-06-15T00:00:00Z"), "en");
    expect(may.priorities).toHaveLength(4200);
    expect(june.priorities).toHaveLength(4300);
  }, 120_000);
});

describe("the API", () => {
  let reader = "";
  let stranger = "";
  beforeAll(async () => {
    await stack().store.putMember(PLAN, USERS.reader, "reader");
    reader = await stack().issuer.mintToken({ oid: USERS.reader });
    stranger = await stack().issuer.mintToken({ oid: USERS.stranger });
  });

  it("answers a reader with the plan as of a date and the movement since one", async () => {
    const asOf = await call<ReportJson>(stack().apiUrl, "GET", apiPaths.rollups(PLAN, "2026-01-31"), { token: reader });
    expect(asOf.status).toBe(200);
    expect(prls(asOf.body)).toEqual({ A: 6, B: 1 });
    const moved = await call<MovementJson>(stack().apiUrl, "GET", apiPaths.movement(PLAN, "2026-02-01", "2026-02-28"), {
      token: reader,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ schema: 1, plan: PLAN, from: "2026-02-01T00:00:00.000Z", to: "2026-02-28T23:59:59.999Z" });
    expect(moved.body.projects.map((e) => e.project)).toEqual(["A", "B"]);
  });

  it.each([
    ["asOf not a date", `/plans/${PLAN}/rollups?asOf=yesterday`, "query.bad-moment"],
    ["asOf a day that does not exist", `/plans/${PLAN}/rollups?asOf=2026-02-30`, "query.bad-moment"],
    ["asOf a time without a zone", `/plans/${PLAN}/rollups?asOf=2026-02-01T10:00`, "query.bad-moment"],
    ["movement without from", `/plans/${PLAN}/movement`, "query.bad-moment"],
    ["movement with a bad to", `/plans/${PLAN}/movement?from=2026-01-01&to=2026-13-01`, "query.bad-moment"],
    ["movement from after to", `/plans/${PLAN}/movement?from=2026-03-01&to=2026-02-01`, "query.moment-order"],
  ])("refuses %s with a 400 JSON that says why", async (_, path, code) => {
    const reply = await call<{ error: { code: string; messages: { it: string; en: string } } }>(
      stack().apiUrl,
      "GET",
      path,
      { token: reader },
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe(code);
    expect(reply.body.error.messages.it.length).toBeGreaterThan(0);
  });

  it.each([apiPaths.rollups(PLAN, "2026-01-31"), apiPaths.movement(PLAN, "2026-01-01")])(
    "keeps another plan's history from a stranger: %s",
    async (path) => {
      const reply = await call(stack().apiUrl, "GET", path, { token: stranger });
      expect([403, 404]).toContain(reply.status);
    },
  );
});
