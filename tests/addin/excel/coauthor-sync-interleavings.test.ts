/**
 * Issue #18's property: two coauthors of a workbook — synced once before, or never synced (both
 * then add every line at once) — edit, push, pull, and AutoSave merges their changes in any
 * order: the sync state a session reads never holds a base older than one it held before, no
 * push reports a false conflict (a conflict on a row whose base this session had already moved
 * up to the cloud's current version), and once everything is merged and read both workbooks
 * hold every base. Real adapters writing the real sync sheet on
 * two sessions of the in-memory host, deliveries chosen by fast-check; the cloud is a small
 * version-per-row model of the push rule (SPEC §9: a base that is not the current version
 * conflicts, unless the values are the same — then they are adopted).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import { createCoauthoredExcel, type FakeExcelHost } from "#addin/memory-host/host.ts";
import { readSyncSheet, SYNC_SHEET_NAME, syncSheetValues } from "#core/sync/sync-sheet.ts";
import type { SyncState } from "#core/sync/state.ts";

const ROWS = ["project:R1", "project:R2", "project:R3"];
const cellOf = (i: number) => `A${String(i + 1)}`;

type Step =
  | { kind: "edit"; who: 0 | 1; row: number }
  | { kind: "push"; who: 0 | 1 }
  | { kind: "pull"; who: 0 | 1 }
  | { kind: "merge"; to: 0 | 1; count: number };

const who = fc.constantFrom<0 | 1>(0, 1);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("edit" as const), who, row: fc.integer({ min: 0, max: ROWS.length - 1 }) }),
  fc.record({ kind: fc.constant("push" as const), who }),
  fc.record({ kind: fc.constant("pull" as const), who }),
  fc.record({ kind: fc.constant("merge" as const), to: who, count: fc.integer({ min: 1, max: 3 }) }),
);

interface Session {
  host: FakeExcelHost;
  adapter: ExcelAdapter;
  /** Per row, the highest base this session's workbook has held. */
  highest: Map<string, number>;
}

async function run(steps: readonly Step[], syncedBefore: boolean): Promise<void> {
  // Synced once before (every row has its line, the steady state of a shared file), or never
  // (no sync sheet, an empty cloud): then both authors' first pushes append lines at once.
  const seedState: SyncState = {
    planId: "p",
    rows: syncedBefore ? Object.fromEntries(ROWS.map((id, i) => [id, { version: 1, hash: `t0-${String(i)}` }])) : {},
  };
  const { sessions, link } = createCoauthoredExcel({
    sheets: [
      { name: "Dati", values: ROWS.map((_, i) => [`t0-${String(i)}`]) },
      ...(syncedBefore ? [{ name: SYNC_SHEET_NAME, values: syncSheetValues(seedState), visibility: "VeryHidden" as const }] : []),
    ],
  });
  const start = syncedBefore ? 1 : 0;
  const people: Session[] = sessions.map((host) => ({ host, adapter: new ExcelAdapter({ run: host.run }), highest: new Map(ROWS.map((id) => [id, start])) }));
  const cloud = new Map(syncedBefore ? ROWS.map((id, i) => [id, { version: 1, value: `t0-${String(i)}` }]) : []);
  let token = 0;

  const sheetState = (s: Session): SyncState => {
    if (!s.host.state.sheets.some((x) => x.name === SYNC_SHEET_NAME)) return seedState;
    return readSyncSheet({ origin: "excel", sheets: [{ name: SYNC_SHEET_NAME, values: s.host.values(SYNC_SHEET_NAME) }] }) ?? seedState;
  };
  // What the session's add-in reads (a read puts back its own lines a concurrent append took).
  const check = async () => {
    for (const s of people) {
      const state = (await s.adapter.readSyncState()) ?? seedState;
      for (const id of ROWS) {
        const now = state.rows[id]?.version ?? 0;
        expect(now, `${id} went back in a session's sync sheet`).toBeGreaterThanOrEqual(s.highest.get(id) ?? 0);
        s.highest.set(id, now);
      }
    }
  };
  const read = async (s: Session) => {
    const snapshot = await s.adapter.readSnapshot();
    const values = snapshot.sheets.find((x) => x.name === "Dati")?.values ?? [];
    return { state: readSyncSheet(snapshot) ?? { ...seedState, rows: {} }, value: (i: number) => String(values[i]?.[0] ?? "") };
  };

  for (const st of steps) {
    if (st.kind === "merge") link.deliver(st.to === 0 ? "A" : "B", st.count);
    else if (st.kind === "edit") {
      token += 1;
      await (people[st.who] as Session).host.edit("Dati", cellOf(st.row), `t${String(token)}`);
    } else if (st.kind === "push") {
      const s = people[st.who] as Session;
      const { state, value } = await read(s);
      for (const [i, id] of ROWS.entries()) {
        const base = state.rows[id];
        const mine = value(i);
        if (base?.hash === mine) continue;
        const current = cloud.get(id);
        if ((current?.version ?? 0) === (base?.version ?? 0)) {
          const version = (current?.version ?? 0) + 1;
          cloud.set(id, { version, value: mine });
          state.rows[id] = { version, hash: mine };
        } else if (current?.value === mine) state.rows[id] = { version: current.version, hash: mine };
        else {
          // A conflict: true only if this session never held the cloud's current base.
          expect((s.highest.get(id) ?? 0) < (current?.version ?? 0), `false conflict on ${id}`).toBe(true);
        }
      }
      await s.adapter.writeSyncState(state);
    } else {
      const s = people[st.who] as Session;
      const { state, value } = await read(s);
      const writes: { sheet: string; a1: string; value: string }[] = [];
      for (const [i, id] of ROWS.entries()) {
        const base = state.rows[id];
        const current = cloud.get(id);
        if (current === undefined || current.version <= (base?.version ?? 0)) continue;
        // Local work since the base stays (the next push offers it); otherwise take the cloud's.
        if (base !== undefined && base.hash !== value(i)) continue;
        if (base === undefined && value(i) !== current.value) continue;
        writes.push({ sheet: "Dati", a1: cellOf(i), value: current.value });
        state.rows[id] = { version: current.version, hash: current.value };
      }
      await s.adapter.writeCellsAndSyncState(writes, state);
    }
    await check();
  }
  // Everything merged, each session read once (repairs land), merged again: the workbook
  // itself, as either session has it, holds the highest base either ever held.
  link.deliver();
  await check();
  link.deliver();
  for (const s of people) {
    const state = sheetState(s);
    for (const id of ROWS) {
      const best = Math.max(...people.map((p) => p.highest.get(id) ?? 0));
      expect(state.rows[id]?.version ?? 0, `${id} lost from the workbook`).toBeGreaterThanOrEqual(best);
    }
  }
}

describe("two coauthors syncing one workbook, in any interleaving", () => {
  it("keeps both authors' first lines when they append at the same moment", async () => {
    const { sessions, link } = createCoauthoredExcel({ sheets: [{ name: "Dati", values: [["x"]] }] });
    const [a, b] = sessions.map((host) => new ExcelAdapter({ run: host.run })) as [ExcelAdapter, ExcelAdapter];
    // Neither has seen the other's sheet: both create it and write their lines from row 7.
    await a.writeSyncState({ planId: "p", rows: { "project:A1": { version: 3, hash: "a1" }, "project:A2": { version: 1, hash: "a2" } } });
    await b.writeSyncState({ planId: "p", rows: { "line:B1": { version: 2, hash: "b1" } } });
    link.deliver();
    // B's later write took row 7 in both copies; A's read puts its lines back, the merge carries them.
    expect((await b.readSyncState())?.rows["project:A1"]).toBeUndefined();
    expect(Object.keys((await a.readSyncState())?.rows ?? {}).sort()).toEqual(["line:B1", "project:A1", "project:A2"]);
    link.deliver();
    for (const adapter of [a, b])
      expect((await adapter.readSyncState())?.rows).toEqual({
        "line:B1": { version: 2, hash: "b1" },
        "project:A1": { version: 3, hash: "a1" },
        "project:A2": { version: 1, hash: "a2" },
      });
  });

  it("never moves a base back and never reports a false conflict", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), fc.boolean(), (steps, synced) => run(steps, synced)),
      { numRuns: 120 },
    );
  }, 120_000);
});
