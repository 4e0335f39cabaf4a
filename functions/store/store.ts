/**
 * The storage interface of the sync service. Handlers and services talk to this, never to the
 * SDK; `DynamoSyncStore` (dynamo/store.ts) is the implementation, tested against DynamoDB Local.
 */
import type { EntityKind } from "#core/model.ts";
import type {
  Change,
  CurrentRow,
  Member,
  MemberRole,
  PushResponse,
  RowValues,
  RunReport,
  SyncSource,
} from "#core/sync/protocol.ts";

export type Role = MemberRole;

/**
 * What `changeMember` did. Refused: `last-admin` (the change would leave the plan without an
 * admin), `forbidden` (the one acting is no longer admin), `not-found` (removing someone who is
 * not a member).
 */
export type MemberChange =
  | "created"
  | "updated"
  | "unchanged"
  | "removed"
  | "not-found"
  | "last-admin"
  | "forbidden";

/** Who writes, and through what. */
export interface Actor {
  /** The user's object id (or the app id for app-only tokens). */
  id: string;
  source: SyncSource;
}

/** The current copy of a row in the store. */
export interface StoredRow extends CurrentRow {
  entity: EntityKind;
  key: string;
  hash: string;
}

/** A live row as reports read it. */
export interface LiveRow {
  entity: EntityKind;
  key: string;
  values: RowValues;
  updatedAt: string;
}

/** One row to write: the server has validated it already. */
export interface RowWrite {
  entity: EntityKind;
  key: string;
  /** 0: the row must not exist yet. */
  baseVersion: number;
  /** Ignored for tombstones (the tombstone keeps the last values). */
  values: RowValues;
  deleted: boolean;
  /** `rowHash(values, deleted)`. */
  hash: string;
  /** Set when this write restores an older version. */
  restoredFrom?: number;
}

/** What happened to one write. */
export type WriteOutcome =
  | { status: "applied"; version: number }
  | { status: "unchanged"; version: number }
  | { status: "conflict"; current: CurrentRow };

/** One page of the change stream. */
export interface ChangesPage {
  changes: Change[];
  /** The last sequence number covered (every change ≤ it has been returned). */
  seq: number;
  hasMore: boolean;
}

/** A version of a row as the history keeps it. */
export interface StoredVersion extends Change {
  restoredFrom?: number;
}

/** One change-log number: the version it carries, or none for a void marker (a number never used). */
export interface LogEntry {
  seq: number;
  version?: StoredVersion;
}

/**
 * The plan's live rows after every change numbered ≤ `seq` (sync/live-rows.ts). `maxAt` is the
 * latest `updatedAt` among those changes (ms): the checkpoint serves moments from then on.
 */
export interface Checkpoint {
  seq: number;
  maxAt: number;
  rows: LiveRow[];
}

/** A report computed once and kept for readers while the log has not moved past `seq`. */
export interface CachedReport {
  seq: number;
  report: unknown;
}

/** The outcome of claiming an idempotency key. */
export type IdempotencyClaim =
  /** Ours: `claimId` names this claim; it lapses unless renewed within `leaseMs`. */
  | { state: "claimed"; claimId: string; leaseMs: number }
  | { state: "done"; response: PushResponse };

export interface SyncStore {
  /** Creates a plan with `admin` as its admin, in one transaction; false (and nothing written) when it exists. */
  createPlan(plan: string, name: string, admin: string): Promise<boolean>;
  planExists(plan: string): Promise<boolean>;
  putMember(plan: string, oid: string, role: Role): Promise<void>;
  getMember(plan: string, oid: string): Promise<Role | undefined>;
  /** Every member with its role, ordered by id. Strongly consistent. */
  listMembers(plan: string): Promise<Member[]>;
  /**
   * Admin `by` gives `oid` a role, or removes it (`role` undefined). The change commits only
   * while `by` is still admin and the plan keeps an admin, so two admins demoting each other at
   * once cannot both succeed.
   */
  changeMember(plan: string, oid: string, role: Role | undefined, by: string): Promise<MemberChange>;

  /** Current rows by `${entity}#${key}` (missing ones absent). Strongly consistent. */
  getRows(
    plan: string,
    refs: readonly { entity: EntityKind; key: string }[],
  ): Promise<Map<string, StoredRow>>;
  /** true when at least one live row of the kind exists. */
  hasAnyRow(plan: string, entity: EntityKind): Promise<boolean>;
  /** Every current row (tombstones included), or every row of one kind. */
  listRows(plan: string, entity?: EntityKind): Promise<StoredRow[]>;
  /**
   * The live rows' values only (what reports need): no tombstones, no hash or writer, so a plan of
   * 50 000 rows is read with as few bytes as the store allows.
   */
  liveValues(plan: string): Promise<LiveRow[]>;

  /**
   * Writes each row on its own: optimistic concurrency on `baseVersion`, a change-log/history
   * item in the same transaction, nothing half-written. `writeId` marks the rows this call writes
   * so that a retried call recognises its own earlier writes as applied.
   * Outcomes are in the order of `writes`.
   */
  writeRows(
    plan: string,
    writes: readonly RowWrite[],
    actor: Actor,
    writeId: string,
  ): Promise<WriteOutcome[]>;

  /** Changes after sequence number `afterSeq`, never past a change still being written. */
  changes(plan: string, afterSeq: number, limit: number): Promise<ChangesPage>;
  /**
   * Every version of a row, oldest first; with `newest`, only the newest that many (still oldest
   * first), so a row with thousands of versions is not read whole to answer a bounded page; with
   * `before`, only versions below that one.
   */
  history(
    plan: string,
    entity: EntityKind,
    key: string,
    options?: { newest?: number; before?: number },
  ): Promise<StoredVersion[]>;

  /**
   * The log after `afterSeq` whose numbers were taken by `untilMs` (Infinity: all), in order,
   * void markers included, so callers can find the run of final numbers before a gap.
   */
  readLog(plan: string, afterSeq: number, untilMs: number): Promise<LogEntry[]>;
  /** The newest whole checkpoint whose `maxAt` is ≤ `atMs` (Infinity: the newest), if any. */
  checkpoint(plan: string, atMs: number): Promise<Checkpoint | undefined>;
  /**
   * Stores a checkpoint (its parts, then its header on condition it is not there yet): two
   * builders of one `seq` write the same bytes, and the second header write is a no-op.
   */
  putCheckpoint(plan: string, checkpoint: Checkpoint): Promise<void>;

  /** The highest change number taken so far (the plan's counter). */
  logHead(plan: string): Promise<number>;
  /** A cached report under `key` (e.g. locale and day), if any. */
  cachedReport(plan: string, key: string): Promise<CachedReport | undefined>;
  /** Keeps a report under `key`; an older `seq` than the one kept is a no-op. */
  putCachedReport(plan: string, key: string, cached: CachedReport): Promise<void>;

  /** Claims an idempotency key for a request (see IdempotencyInProgressError, IdempotencyKeyReusedError). */
  claimIdempotency(plan: string, key: string, requestHash: string): Promise<IdempotencyClaim>;
  /**
   * Extends the lease of a claim while its push runs; false when the claim is no longer ours
   * (its lease ran out and a retry took it over).
   */
  renewIdempotency(plan: string, key: string, claimId: string): Promise<boolean>;
  /** Stores the response of a claimed push (a no-op when the claim was taken over meanwhile). */
  completeIdempotency(plan: string, key: string, response: PushResponse, claimId: string): Promise<void>;
  /** Frees our claim after a failure so a retry can run. */
  releaseIdempotency(plan: string, key: string, claimId: string): Promise<void>;

  putRun(plan: string, report: RunReport): Promise<void>;
  /** Newest first. */
  listRuns(plan: string, limit: number): Promise<RunReport[]>;
}

/** The map key of `getRows`. */
export const rowId = (entity: EntityKind, key: string): string => `${entity}#${key}`;
