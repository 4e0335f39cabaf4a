/**
 * Property (issue #11): for any interleaving of edits by two clients with pushes and pulls, both
 * converge to the cloud's values, and no conflict is reported where the values did not differ —
 * nor against the client's own last push. The push is the one core engine (`pushWorkbook`) over
 * an in-process transport to the real push service on the real store (DynamoDB Local); the pull
 * is a model of the pane's rule (take the cloud's version of a row not edited since its base,
 * adopt equal values, leave a real edit alone) on the cloud's current rows. Rows are priorities
 * (code + title) over three codes; deletions are not generated.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Plan } from "#core/model.ts";
import { adoptedVersion, contentHash } from "#core/sync/adoption.ts";
import { pushWorkbook } from "#core/sync/engine.ts";
import { stateKey, type SyncState } from "#core/sync/state.ts";
import { pushRows } from "#functions/sync/push.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";

const stack = useLocalStack();
const CODES = ["1", "2", "3"] as const;
const TITLES = ["Salute", "Farmaci", "Dati"] as const;

interface Client {
  id: "anna" | "bruno";
  /** The workbook's priorities: code → title. */
  sheet: Map<string, string>;
  base: SyncState;
}

type Step =
  | { who: 0 | 1; op: "edit"; code: string; title: string }
  | { who: 0 | 1; op: "push" }
  | { who: 0 | 1; op: "pull" };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    who: fc.constantFrom(0 as const, 1 as const),
    op: fc.constant("edit" as const),
    code: fc.constantFrom(...CODES),
    title: fc.constantFrom(...TITLES),
  }),
  fc.record({ who: fc.constantFrom(0 as const, 1 as const), op: fc.constant("push" as const) }),
  fc.record({ who: fc.constantFrom(0 as const, 1 as const), op: fc.constant("pull" as const) }),
);

const planOf = (sheet: Map<string, string>): Plan => ({
  priorities: [...sheet].map(([code, title]) => ({ code, title })),
  lines: [],
  projects: [],
  budget: [],
  present: { priorities: true, lines: false, projects: false, budget: false },
});
const values = (code: string, title: string) => ({ code, title });

let plans = 0;
let keys = 0;

/** One push of `c` through the engine, its conflicts checked as they come; `c` keeps the next base. */
async function push(plan: string, c: Client): Promise<void> {
  const cloudBefore = new Map((await stack().store.listRows(plan)).map((r) => [stateKey(r.entity, r.key), r]));
  const run = await pushWorkbook({
    plan: planOf(c.sheet),
    sheetKinds: ["priorities"],
    base: c.base,
    budget: { maxRows: 2, maxBytes: 100_000 },
    keyOf: () => `prop-${process.pid}-${++keys}`,
    transport: {
      send: (attempt) =>
        pushRows(stack().store, plan, { idempotencyKey: attempt.idempotencyKey, source: "addin", rows: attempt.rows }, { id: c.id, source: "addin" }),
    },
  });
  if (run.failure !== undefined) throw run.failure;
  for (const conflict of run.conflicts) {
    const id = stateKey(conflict.row.entity, conflict.row.key);
    const cloud = cloudBefore.get(id);
    // A conflict only where the values differ from the cloud's...
    expect(conflict.current).toBeDefined();
    expect(contentHash(conflict.row.values, false)).not.toBe(contentHash(conflict.current?.values, false));
    // ...and only when someone else moved the row past this client's base.
    expect(cloud?.version).not.toBe(c.base.rows[id]?.version);
  }
  c.base = run.state;
}

/** The pane's pull rule on the cloud's current rows (see the file comment); `takeAll` also drops real edits. */
async function pull(plan: string, c: Client, takeAll = false): Promise<void> {
  const rows = { ...c.base.rows };
  for (const r of await stack().store.listRows(plan, "priority")) {
    const id = stateKey("priority", r.key);
    const cloud = { version: r.version, hash: contentHash(r.values, r.deleted) };
    const mine = c.sheet.get(r.key);
    const based = rows[id];
    const myHash = mine === undefined ? undefined : contentHash(values(r.key, mine), false);
    if (myHash !== undefined && adoptedVersion(myHash, cloud) !== undefined) {
      rows[id] = cloud;
      continue;
    }
    const editedSinceBase = mine !== undefined && (based === undefined || based.hash !== myHash);
    if (editedSinceBase && !takeAll) continue;
    if (based !== undefined && based.version >= r.version && !takeAll) continue;
    c.sheet.set(r.key, String(r.values["title"]));
    rows[id] = cloud;
  }
  c.base = { ...c.base, rows };
}

describe("two clients, any interleaving", () => {
  it("converge to the cloud's values with no conflict where values did not differ", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        // Prepare: a fresh plan; both clients start from the same workbook, never synced.
        const plan = `prop-${process.pid}-${++plans}`;
        await stack().store.createPlan(plan, "Proprietà", "anna");
        await stack().store.putMember(plan, "bruno", "editor");
        const start = () => new Map<string, string>([["1", "Salute"], ["2", "Farmaci"]]);
        const clients: Client[] = [
          { id: "anna", sheet: start(), base: { planId: plan, rows: {} } },
          { id: "bruno", sheet: start(), base: { planId: plan, rows: {} } },
        ];
        // Act: the interleaving, then each settles: push, take the cloud's for what is left, pull.
        for (const s of steps) {
          const c = clients[s.who] as Client;
          if (s.op === "edit") c.sheet.set(s.code, s.title);
          else if (s.op === "push") await push(plan, c);
          else await pull(plan, c);
        }
        for (const c of clients) await push(plan, c);
        for (const c of clients) await pull(plan, c, true);
        // Assess: both hold exactly the cloud's values, and a push then has nothing to send.
        const cloud = new Map((await stack().store.listRows(plan, "priority")).map((r) => [r.key, String(r.values["title"])]));
        for (const c of clients) {
          expect(Object.fromEntries(c.sheet)).toEqual(Object.fromEntries(cloud));
          const again = await pushWorkbook({
            plan: planOf(c.sheet),
            sheetKinds: ["priorities"],
            base: c.base,
            budget: { maxRows: 10, maxBytes: 100_000 },
            keyOf: () => `prop-${process.pid}-${++keys}`,
            transport: { send: () => Promise.reject(new Error("nothing should be sent")) },
          });
          expect(again.outgoing).toEqual([]);
        }
      }),
      { numRuns: 30 },
    );
  });
});
