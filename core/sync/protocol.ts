/**
 * The sync API contract (SPEC §9): request and response bodies defined once with zod and shared
 * by the Lambda handlers, the add-in's API client, the CLI and the nightly job.
 * Pure: zod only, so the add-in can import it in the browser.
 */
import * as z from "zod";
import { MAX_KEY_LENGTH, MAX_PUSH_ROWS } from "./limits.ts";

export { MAX_BODY_BYTES, MAX_KEY_LENGTH, MAX_PUSH_ROWS, MAX_ROW_BYTES } from "./limits.ts";

export const EntityKindSchema = z.enum(["priority", "line", "project", "budget"]);

/** Where a push comes from (kept in the history). */
export const SourceSchema = z.enum(["addin", "nightly", "cli"]);
export type SyncSource = z.infer<typeof SourceSchema>;

/** A row's wire values: a JSON object (the core's canonical entity JSON). */
/**
 * The object itself, not a rebuilt copy: a record schema rebuilds the object and drops a field
 * named `__proto__` (a sheet column may be headed so); JSON only has string keys anyway.
 */
export const RowValuesSchema = z.custom<Record<string, unknown>>(
  (v) => typeof v === "object" && v !== null && !Array.isArray(v),
  { message: "expected an object" },
);
export type RowValues = z.infer<typeof RowValuesSchema>;

export const RowKeySchema = z.string().min(1).max(MAX_KEY_LENGTH);

/** A validation finding, as `core/validate/issue.ts` defines it. */
export const IssueSchema = z.object({
  severity: z.enum(["error", "warning"]),
  code: z.string(),
  sheet: z.string(),
  cell: z.string(),
  row: z.number(),
  column: z.string(),
  message: z.string(),
  value: z.unknown(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const PushRowSchema = z.object({
  entity: EntityKindSchema,
  key: RowKeySchema,
  /** The version the client's copy was based on; 0 for a row the cloud has never seen. */
  baseVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  values: RowValuesSchema,
  /** true: the row was deleted in the sheet (the server writes a tombstone). */
  deleted: z.boolean().optional(),
});
export type PushRow = z.infer<typeof PushRowSchema>;

export const PushRequestSchema = z.object({
  /** A client-chosen unique id of this push: a retried push with the same key has no second effect. */
  idempotencyKey: z
    .string()
    .min(8)
    .max(128)
    .regex(/^[A-Za-z0-9._:-]+$/),
  source: SourceSchema,
  rows: z.array(PushRowSchema).max(MAX_PUSH_ROWS),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

/** The cloud's copy of a row. */
export const CurrentRowSchema = z.object({
  version: z.number().int(),
  values: RowValuesSchema,
  deleted: z.boolean(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type CurrentRow = z.infer<typeof CurrentRowSchema>;

export const RowStatusSchema = z.enum(["applied", "unchanged", "conflict", "invalid"]);
export type RowStatus = z.infer<typeof RowStatusSchema>;

export const RowResultSchema = z.object({
  entity: EntityKindSchema,
  key: z.string(),
  status: RowStatusSchema,
  /** The row's version after the push (applied, unchanged). */
  version: z.number().int().optional(),
  /** The cloud's current copy (conflict). */
  current: CurrentRowSchema.optional(),
  /** Why the row was refused (invalid). */
  issues: z.array(IssueSchema).optional(),
});
export type RowResult = z.infer<typeof RowResultSchema>;

export const PushResponseSchema = z.object({ results: z.array(RowResultSchema) });
export type PushResponse = z.infer<typeof PushResponseSchema>;

/** One change in the pull stream: the row as it became at `version`. */
export const ChangeSchema = z.object({
  entity: EntityKindSchema,
  key: z.string(),
  version: z.number().int(),
  values: RowValuesSchema,
  deleted: z.boolean(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  source: SourceSchema,
});
export type Change = z.infer<typeof ChangeSchema>;

export const ChangesResponseSchema = z.object({
  changes: z.array(ChangeSchema),
  /** Opaque: pass it back as `since` to get the changes after these. */
  cursor: z.string(),
  /** true when more changes are already available: pull again at once. */
  hasMore: z.boolean(),
});
export type ChangesResponse = z.infer<typeof ChangesResponseSchema>;

export const HistoryEntrySchema = ChangeSchema.extend({
  /** The values this version replaced (absent for the first version). */
  previousValues: RowValuesSchema.optional(),
  /** Set when this version restored an older one. */
  restoredFrom: z.number().int().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const HistoryResponseSchema = z.object({
  entity: EntityKindSchema,
  key: z.string(),
  /** Oldest first: the newest versions that fit one answer. */
  versions: z.array(HistoryEntrySchema),
  /**
   * Set when older versions were left out: ask again with `?before=` this version (the oldest
   * shown) for the ones before it. Absent when the answer reaches version 1.
   */
  olderBefore: z.number().int().min(2).optional(),
});
export type HistoryResponse = z.infer<typeof HistoryResponseSchema>;

export const RestoreRequestSchema = z.object({
  /** The version whose values become the row's new version. */
  version: z.number().int().min(1),
  source: SourceSchema.optional(),
});
export type RestoreRequest = z.infer<typeof RestoreRequestSchema>;

export const RunFileSchema = z.object({
  file: z.string(),
  /**
   * Agrees with the numbers: `needs-attention` (conflicts or invalid rows), `applied` (rows
   * applied, nothing else to do), `unchanged` (nothing new), `skipped-unchanged` (the file was not
   * modified since the last run: its conflicts and invalid rows still open are listed again),
   * `error` (the file could not be read or pushed).
   */
  status: z.enum(["applied", "unchanged", "needs-attention", "skipped-unchanged", "error"]),
  applied: z.number().int(),
  unchanged: z.number().int(),
  conflicts: z.number().int(),
  invalid: z.number().int(),
  errors: z.array(
    z.object({ message: z.string(), sheet: z.string().optional(), cell: z.string().optional() }),
  ),
});
export type RunFile = z.infer<typeof RunFileSchema>;

/** A nightly run report (written by the nightly job, shown by the task pane). */
export const RunReportSchema = z.object({
  runId: z.string().min(1).max(128),
  plan: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  files: z.array(RunFileSchema),
});
export type RunReport = z.infer<typeof RunReportSchema>;

export const RunsResponseSchema = z.object({ runs: z.array(RunReportSchema) });
export type RunsResponse = z.infer<typeof RunsResponseSchema>;

/** The core's report JSON (SPEC §10) computed on the cloud state; kept open here so core changes flow through. */
export const RollupsResponseSchema = z.looseObject({ schema: z.number() });
export type RollupsResponse = z.infer<typeof RollupsResponseSchema>;

/** GET …/rollups?asOf=: the same report, checked as far as the Overview's comparison reads it. */
export const AsOfRollupsResponseSchema = z.looseObject({
  schema: z.number(),
  priorities: z.array(z.looseObject({ code: z.string(), prl: z.number() })),
  lines: z.array(z.looseObject({ code: z.string(), prl: z.number() })),
  projects: z.array(z.looseObject({ prl: z.number() })),
});
export type AsOfRollupsResponse = z.infer<typeof AsOfRollupsResponseSchema>;

const MovementStateSchema = z.looseObject({
  prl: z.number(),
  funded: z.number(),
  outcome: z.string().optional(),
  requested: z.number().optional(),
  line: z.string().optional(),
});
/** GET …/movement (core/report/movement.ts `MovementJson`): checked as far as the pane reads it. */
export const MovementResponseSchema = z.looseObject({
  schema: z.literal(1),
  plan: z.string(),
  from: z.string(),
  to: z.string(),
  projects: z.array(
    z.looseObject({
      project: z.string(),
      title: z.string().optional(),
      kind: z.enum(["added", "removed", "changed"]),
      before: MovementStateSchema.optional(),
      after: MovementStateSchema.optional(),
      fields: z.array(z.string()),
      at: z.string().optional(),
      by: z.string().optional(),
    }),
  ),
  omitted: z.number().int().optional(),
});
export type MovementResponse = z.infer<typeof MovementResponseSchema>;

/** Plan ids: short, URL- and key-safe. */
export const PlanIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);

/** POST /plans: a new plan; its creator becomes its admin. */
export const CreatePlanRequestSchema = z.strictObject({
  plan: PlanIdSchema,
  name: z.string().trim().min(1).max(200),
});
export type CreatePlanRequest = z.infer<typeof CreatePlanRequestSchema>;

/** Plan roles (SPEC §9): reader < editor < admin. */
export const RoleSchema = z.enum(["reader", "editor", "admin"]);
export type MemberRole = z.infer<typeof RoleSchema>;

/** A member id: the user's Entra ID object id (oid) as the token carries it. */
export const MemberIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/);

export const MemberSchema = z.object({ member: MemberIdSchema, role: RoleSchema });
export type Member = z.infer<typeof MemberSchema>;

export const MembersResponseSchema = z.object({ members: z.array(MemberSchema) });
export type MembersResponse = z.infer<typeof MembersResponseSchema>;

/** PUT /plans/{plan}/members/{member}: the role to give. */
export const MemberRequestSchema = z.strictObject({ role: RoleSchema });
export type MemberRequest = z.infer<typeof MemberRequestSchema>;

export const ErrorBodySchema = z.object({
  error: z.object({
    /** Stable machine code, e.g. "body.invalid", "auth.expired". */
    code: z.string(),
    /** English message. */
    message: z.string(),
    /** The message in each UI language. */
    messages: z.object({ it: z.string(), en: z.string() }).optional(),
    details: z.unknown().optional(),
    correlationId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** The API paths, built in one place for the add-in client, the CLI and the tests. */
export const apiPaths = {
  plans: () => "/plans",
  sync: (plan: string) => `/plans/${encodeURIComponent(plan)}/sync`,
  changes: (plan: string, since?: string) =>
    `/plans/${encodeURIComponent(plan)}/changes${since ? `?since=${encodeURIComponent(since)}` : ""}`,
  history: (plan: string, entity: string, key: string, before?: number) =>
    `/plans/${encodeURIComponent(plan)}/rows/${entity}/${encodeURIComponent(key)}/history${before === undefined ? "" : `?before=${before}`}`,
  restore: (plan: string, entity: string, key: string) =>
    `/plans/${encodeURIComponent(plan)}/rows/${entity}/${encodeURIComponent(key)}/restore`,
  runs: (plan: string) => `/plans/${encodeURIComponent(plan)}/runs`,
  rollups: (plan: string, asOf?: string) =>
    `/plans/${encodeURIComponent(plan)}/rollups${asOf === undefined ? "" : `?asOf=${encodeURIComponent(asOf)}`}`,
  movement: (plan: string, from: string, to?: string) =>
    `/plans/${encodeURIComponent(plan)}/movement?from=${encodeURIComponent(from)}${to === undefined ? "" : `&to=${encodeURIComponent(to)}`}`,
  members: (plan: string) => `/plans/${encodeURIComponent(plan)}/members`,
  member: (plan: string, member: string) =>
    `/plans/${encodeURIComponent(plan)}/members/${encodeURIComponent(member)}`,
} as const;
