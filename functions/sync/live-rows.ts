/**
 * A plan's live rows at a moment (or now), read as the newest checkpoint that serves the moment
 * plus the change log after it, instead of every current row or the whole log: at SPEC §11's size
 * that is a few gzip items and at most a threshold of log items, not 50 000–140 000 items.
 *
 * A checkpoint at `seq` holds the live rows after every change numbered ≤ seq. It may only be
 * built over a run of final numbers: writers take numbers before they commit, so they can appear
 * out of order (write-rows.ts). A CHG# item that exists is final (its transaction committed, or
 * it is a void marker), so the run of consecutive numbers right after the base checkpoint, as
 * read, is a consistent view; the first gap (a write in flight, or a dead writer's number not yet
 * fenced) ends it. A checkpoint also needs every change in it made by its `maxAt` so that it can
 * serve that moment: an as-of read ends the run at the first change made after its moment.
 *
 * Built by the read that finds too long a run after the newest checkpoint (not by pushes, which
 * keep their cost); that read pays the write once. Two readers building the same seq write the
 * same bytes (store/dynamo/checkpoints.ts).
 */
import { rowId, type Checkpoint, type LiveRow, type LogEntry, type SyncStore } from "../store/store.ts";

/** Changes after a checkpoint beyond which a read builds the next one. */
export function checkpointThreshold(rows: number): number {
  return Math.max(1000, Math.ceil(rows / 10));
}

/** What rebuilding found: the rows at the moment, and a new checkpoint when the run was long. */
export interface Rebuilt {
  rows: LiveRow[];
  next?: Checkpoint;
  /** Set when the rows cover every log number up to it and nothing after it was read. */
  wholeTo?: number;
}

/**
 * The live rows at `atMs` from a base checkpoint (served moment ≤ atMs) and the log after it
 * (in order, numbers taken by atMs): per row its last version made by then, rows whose last
 * version by then is a tombstone left out. Pure.
 */
export function rebuild(
  base: Checkpoint | undefined,
  tail: readonly LogEntry[],
  atMs: number,
  threshold: (rows: number) => number = checkpointThreshold,
): Rebuilt {
  const rows = new Map<string, LiveRow>();
  for (const r of base?.rows ?? []) rows.set(rowId(r.entity, r.key), r);
  let runSeq = base?.seq ?? 0;
  let maxAt = base?.maxAt ?? 0;
  let inRun = true;
  let next: Checkpoint | undefined;
  const endRun = (): void => {
    inRun = false;
    if (runSeq - (base?.seq ?? 0) > threshold(rows.size))
      next = { seq: runSeq, maxAt, rows: [...rows.values()] };
  };
  for (const entry of tail) {
    const v = entry.version;
    const at = v ? Date.parse(v.updatedAt) : 0;
    if (inRun && (entry.seq !== runSeq + 1 || at > atMs)) endRun();
    if (inRun) {
      runSeq = entry.seq;
      maxAt = Math.max(maxAt, at);
    }
    // Versions of one row come in version order (each is written after the one it replaces).
    if (!v || at > atMs) continue;
    const id = rowId(v.entity, v.key);
    if (v.deleted) rows.delete(id);
    else rows.set(id, { entity: v.entity, key: v.key, values: v.values, updatedAt: v.updatedAt });
  }
  const whole = inRun;
  if (inRun) endRun();
  return { rows: [...rows.values()], ...(next ? { next } : {}), ...(whole ? { wholeTo: runSeq } : {}) };
}

/** The plan's live rows at `atMs` (Infinity: now), building the next checkpoint when due. */
export async function planRowsAt(
  store: Pick<SyncStore, "checkpoint" | "readLog" | "putCheckpoint">,
  plan: string,
  atMs: number,
  threshold: (rows: number) => number = checkpointThreshold,
): Promise<LiveRow[]> {
  return (await planRowsRead(store, plan, atMs, threshold)).rows;
}

/** planRowsAt, also saying up to which log number the rows are whole (rebuild's `wholeTo`). */
export async function planRowsRead(
  store: Pick<SyncStore, "checkpoint" | "readLog" | "putCheckpoint">,
  plan: string,
  atMs: number,
  threshold: (rows: number) => number = checkpointThreshold,
): Promise<Rebuilt> {
  const base = await store.checkpoint(plan, atMs);
  const rebuilt = rebuild(base, await store.readLog(plan, base?.seq ?? 0, atMs), atMs, threshold);
  if (rebuilt.next) await store.putCheckpoint(plan, rebuilt.next);
  return rebuilt;
}

/**
 * Builds the plan's next checkpoint when the log after its newest one has grown past the threshold
 * (the nightly job's last step for each plan); returns the checkpoint built, if one was.
 */
export async function refreshCheckpoint(
  store: Pick<SyncStore, "checkpoint" | "readLog" | "putCheckpoint">,
  plan: string,
  threshold: (rows: number) => number = checkpointThreshold,
): Promise<Checkpoint | undefined> {
  return (await planRowsRead(store, plan, Number.POSITIVE_INFINITY, threshold)).next;
}
