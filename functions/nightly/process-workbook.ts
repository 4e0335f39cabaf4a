/**
 * One workbook, one night: parse the saved file with the workbook reader (xlsx/), validate it with the core, and push
 * its changed rows through the same push service as the API (source = nightly), based on the
 * versions in the file's very hidden sync sheet (and the job's own memory of this file). What is
 * pushed follows the core's one push rule (`outgoingRows`): no deletions for a sheet the file no
 * longer has, for a kind with rows held under unknown keys, or for rows already known deleted.
 * Cells are parsed with the locale the sync sheet states (the add-in's), else Italian, so the
 * hashes equal the add-in's. Rows with errors are held and reported; conflicts are reported,
 * never overwritten. Never throws for a bad file: it becomes the report.
 */
import { analyzeWorkbook } from "#core/analyze.ts";
import { pushWorkbook } from "#core/sync/engine.ts";
import { canonicalJson, fnv1a64 } from "#core/sync/hash.ts";
import type { WithheldDeletions } from "#core/sync/outgoing.ts";
import type { PushRequest, PushResponse, PushRow, RunFile } from "#core/sync/protocol.ts";
import { PUSH_BUDGET } from "#core/sync/push-chunks.ts";
import { RetryablePushError, type PushTransport } from "#core/sync/send-chunks.ts";
import { readSyncSheet } from "#core/sync/sync-sheet.ts";
import type { WorkbookSnapshot } from "#core/snapshot/types.ts";
import type { Issue } from "#core/validate/issue.ts";
import { UnreadableWorkbookError, readWorkbookBuffer } from "#xlsx/read-workbook.ts";
import { StoreError } from "#functions/store/errors.ts";
import type { Actor } from "#functions/store/store.ts";
import { memoryAfter, mergeBase } from "./base-state.ts";
import { nightlyMessage } from "./messages.ts";
import type { NightlyMemory, OpenItems, WorkbookRegistration } from "./registry.ts";
import { fileStatus } from "#core/sync/run-status.ts";

/** The push service, bound to a store (`pushRows` of functions/sync/push.ts). */
export type PushFn = (plan: string, request: PushRequest, actor: Actor, locale: "it" | "en") => Promise<PushResponse>;

/** Error lines kept per file (the run report is one DynamoDB item). */
export const MAX_ERRORS_PER_FILE = 100;

/** The file's report and, when it was processed completely, what to remember. */
export interface WorkbookOutcome {
  readonly file: RunFile;
  readonly remember?: { readonly eTag: string; readonly memory: NightlyMemory; readonly open: OpenItems };
}

type RunError = RunFile["errors"][number];

function emptyFile(name: string): RunFile {
  return { file: name, status: "unchanged", applied: 0, unchanged: 0, conflicts: 0, invalid: 0, errors: [] };
}

/** A file that could not be processed at all. */
export function failedFile(name: string, message: string): RunFile {
  return { ...emptyFile(name), status: "error", errors: [{ message }] };
}

/** Complete, or cut with one last line saying how many more (the run report is one item). */
export function capErrors(errors: RunError[], locale: "it" | "en"): RunError[] {
  if (errors.length <= MAX_ERRORS_PER_FILE) return errors;
  const kept = errors.slice(0, MAX_ERRORS_PER_FILE - 1);
  kept.push({ message: nightlyMessage("more", locale, { count: errors.length - kept.length }) });
  return kept;
}

function issueError(issue: Pick<Issue, "message" | "sheet" | "cell">): RunError {
  return { message: issue.message, ...(issue.sheet ? { sheet: issue.sheet } : {}), ...(issue.cell ? { cell: issue.cell } : {}) };
}

/** One run-report line per kind whose deletions were withheld (see `outgoingRows`). */
function withheldErrors(withheld: readonly WithheldDeletions[], locale: "it" | "en"): RunError[] {
  return withheld.map((w) => ({
    message: nightlyMessage(w.reason === "sheet-missing" ? "missing-sheet" : "held-key", locale, { kind: w.entity, count: w.count }),
  }));
}

/**
 * Deterministic per request and file version: a retried run (same saved file — same eTag — and
 * same base) has no second effect, while the same rows pushed from another save of the file (on
 * another night) get a new key and so never replay an earlier result.
 */
function idempotencyKey(workbookId: string, eTag: string, rows: readonly PushRow[]): string {
  return `nightly:${workbookId}:${fnv1a64(eTag)}:${fnv1a64(canonicalJson(rows))}:${rows.length}`;
}

/** The push service in-process; a store failure that may pass (throttling, a push still running) is retried by the engine. */
function inProcess(push: PushFn, reg: WorkbookRegistration, actor: Actor): PushTransport {
  return {
    async send({ idempotencyKey: key, rows }) {
      try {
        return await push(reg.plan, { idempotencyKey: key, source: "nightly", rows }, actor, reg.locale);
      } catch (error) {
        if (error instanceof StoreError && error.retryable) throw new RetryablePushError(error.message, { cause: error });
        throw error;
      }
    },
  };
}

/**
 * Processes one fetched workbook through the core's sync engine (`pushWorkbook`).
 *
 * @param push the sync service's push, bound to the store
 * @param actor who the history records (the nightly app), source "nightly"
 */
export async function processWorkbook(
  reg: WorkbookRegistration,
  fetched: { readonly content: Uint8Array; readonly eTag: string },
  push: PushFn,
  actor: Actor,
  today?: string,
): Promise<WorkbookOutcome> {
  const locale = reg.locale;
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = await readWorkbookBuffer(fetched.content, reg.name);
  } catch (error) {
    const detail = error instanceof UnreadableWorkbookError ? error.reason : "corrupt";
    return { file: failedFile(reg.name, nightlyMessage("unreadable", locale, { detail })) };
  }

  const sheetState = readSyncSheet(snapshot);
  if (sheetState && sheetState.planId !== reg.plan) {
    return { file: failedFile(reg.name, nightlyMessage("wrong-plan", locale, { actual: sheetState.planId, plan: reg.plan })) };
  }
  const analysis = analyzeWorkbook(snapshot, {
    messagesLocale: locale,
    ...(sheetState?.locale ? { locale: sheetState.locale } : {}),
    ...(today ? { today } : {}),
  });
  const run = await pushWorkbook({
    plan: analysis.plan,
    sheetKinds: analysis.sheets.map((s) => s.kind),
    base: mergeBase(reg.plan, sheetState, reg.memory),
    // In-process, the byte budget only bounds each idempotency record.
    budget: PUSH_BUDGET,
    transport: inProcess(push, reg, actor),
    keyOf: (chunk) => idempotencyKey(reg.id, fetched.eTag, chunk),
  });
  // The store failed for good mid-push: rows already applied stay applied, and the next night's
  // retry of the same saved file sends the same idempotency keys and so recognises them.
  if (run.failure !== undefined) throw run.failure;

  const file = emptyFile(reg.name);
  const errors: RunError[] = analysis.issues.filter((issue) => issue.severity === "error").map(issueError);
  errors.push(...withheldErrors(run.withheld, locale));
  file.invalid = run.held.length;
  file.unchanged = run.rows.length - run.outgoing.filter((row) => !row.deleted).length;
  const sentById = new Map(run.sent.map((row) => [`${row.entity}:${row.key}`, row]));
  for (const result of run.results) {
    const row = sentById.get(`${result.entity}:${result.key}`);
    if (result.status === "applied") file.applied++;
    else if (result.status === "unchanged") file.unchanged += row?.deleted ? 0 : 1;
    else if (result.status === "invalid") {
      file.invalid++;
      errors.push(...(result.issues ?? []).map(issueError));
    }
  }
  for (const { row, current } of run.conflicts) {
    file.conflicts++;
    errors.push({
      message: nightlyMessage(row.baseVersion === 0 ? "conflict-unbased" : "conflict", locale, {
        entity: row.entity,
        key: row.key,
        version: current?.version ?? "?",
        base: row.baseVersion,
      }),
    });
  }
  file.errors = capErrors(errors, locale);
  file.status = fileStatus(file);
  const open: OpenItems = { conflicts: file.conflicts, invalid: file.invalid, errors: file.errors };
  return { file, remember: { eTag: fetched.eTag, memory: memoryAfter(sheetState, run.state), open } };
}
