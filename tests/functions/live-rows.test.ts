/**
 * Checkpoints (functions/sync/live-rows.ts), pure: the rows rebuilt from a checkpoint plus the log
 * after it equal the rows rebuilt from the whole log, for random histories (tombstones, restores
 * as later versions, void numbers, numbers still in flight, stamps after allocation) and random
 * moments; and a checkpoint a read builds is itself the whole log's rows at its seq, made by its
 * maxAt, never past a gap.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowId, type Checkpoint, type LiveRow, type LogEntry } from "#functions/store/store.ts";
import { rebuild } from "#functions/sync/live-rows.ts";

interface Entry extends LogEntry {
  allocatedAt: number;
  /** Written yet? A missing number is a write in flight: invisible to readers. */
  visible: boolean;
}

const op = fc.record({
  key: fc.constantFrom("a", "b", "c", "d", "e"),
  deleted: fc.boolean(),
  void: fc.boolean(),
  inFlight: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  allocStep: fc.integer({ min: 0, max: 3 }),
  stampDelay: fc.integer({ min: 0, max: 4 }),
  value: fc.integer({ min: 0, max: 99 }),
});

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** A log as writers leave it: allocatedAt never decreases, a row's versions are stamped in order. */
function history(ops: Op[]): Entry[] {
  let allocatedAt = 0;
  const lastAt = new Map<string, number>();
  return ops.map((o, i) => {
    allocatedAt += o.allocStep;
    const seq = i + 1;
    if (o.void) return { seq, allocatedAt, visible: !o.inFlight };
    const at = Math.max(allocatedAt + o.stampDelay, (lastAt.get(o.key) ?? -1) + 1);
    lastAt.set(o.key, at);
    const version = {
      entity: "project" as const,
      key: o.key,
      version: seq,
      values: { v: o.value },
      deleted: o.deleted,
      updatedAt: new Date(at).toISOString(),
      updatedBy: "ada",
      source: "cli" as const,
    };
    return { seq, allocatedAt, visible: !o.inFlight, version };
  });
}

/** The oracle: per row its last visible version stamped by `atMs`, tombstones left out. */
function wholeLogRows(entries: readonly Entry[], atMs: number, untilSeq = Infinity): Map<string, unknown> {
  const last = new Map<string, LogEntry["version"]>();
  for (const e of entries)
    if (e.visible && e.seq <= untilSeq && e.version && Date.parse(e.version.updatedAt) <= atMs)
      last.set(rowId(e.version.entity, e.version.key), e.version);
  const out = new Map<string, unknown>();
  for (const [id, v] of last) if (v && !v.deleted) out.set(id, { values: v.values, updatedAt: v.updatedAt });
  return out;
}

const asMap = (rows: readonly LiveRow[]): Map<string, unknown> =>
  new Map(rows.map((r) => [rowId(r.entity, r.key), { values: r.values, updatedAt: r.updatedAt }]));

/** What the store's readLog returns: visible numbers after `afterSeq`, stopping once allocatedAt passes the moment. */
function readLog(entries: readonly Entry[], afterSeq: number, atMs: number): LogEntry[] {
  const out: LogEntry[] = [];
  for (const e of entries) {
    if (e.seq <= afterSeq || !e.visible) continue;
    if (e.allocatedAt > atMs) break;
    out.push(e.version ? { seq: e.seq, version: e.version } : { seq: e.seq });
  }
  return out;
}

const always = (): number => 0;

describe("rows from a checkpoint and the log after it", () => {
  it("equal the rows from the whole log, at any moment a chain of checkpoints built by reads serves", () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 250 }), { minLength: 1, maxLength: 8 }),
        (ops, moments) => {
          const entries = history(ops);
          const checkpoints: Checkpoint[] = [];
          for (const t of moments) {
            // The newest checkpoint serving t, as the store picks it.
            const base = checkpoints.filter((c) => c.maxAt <= t).sort((a, b) => b.seq - a.seq)[0];
            const { rows, next } = rebuild(base, readLog(entries, base?.seq ?? 0, t), t, always);
            expect(asMap(rows)).toEqual(wholeLogRows(entries, t));
            if (next) checkpoints.push(next);
          }
        },
      ),
      { seed: 1617, numRuns: 400 },
    );
  });

  it("build checkpoints that hold the whole log's rows at their seq, made by their maxAt, before any gap", () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 250 }),
        (ops, t) => {
          const entries = history(ops);
          const { next } = rebuild(undefined, readLog(entries, 0, t), t, always);
          if (!next) return;
          expect(asMap(next.rows)).toEqual(wholeLogRows(entries, Infinity, next.seq));
          expect(next.maxAt).toBeLessThanOrEqual(t);
          for (const e of entries.filter((x) => x.seq <= next.seq)) {
            expect(e.visible).toBe(true);
            if (e.version) expect(Date.parse(e.version.updatedAt)).toBeLessThanOrEqual(next.maxAt);
          }
        },
      ),
      { seed: 1716, numRuns: 400 },
    );
  });

  it("are built only past the threshold", () => {
    const entries = history(
      Array.from({ length: 30 }, (_, i) => ({ key: "a", deleted: false, void: false, inFlight: false, allocStep: 1, stampDelay: 0, value: i })),
    );
    expect(rebuild(undefined, readLog(entries, 0, 1000), 1000, () => 30).next).toBeUndefined();
    expect(rebuild(undefined, readLog(entries, 0, 1000), 1000, () => 29).next?.seq).toBe(30);
  });
});
