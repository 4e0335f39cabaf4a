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
import { canonicalJson, fnv1a64 } from "#core/sync/hash.ts";
import { outgoingRows, type WithheldDeletions } from "#core/sync/outgoing.ts";
import type { PushRequest, PushResponse, PushRow, RowResult, RunFile } from "#core/sync/protocol.ts";
import { planRows } from "#core/sync/rows.ts";
import { readSyncSheet } from "#core/sync/sync-sheet.ts";
import type { WorkbookSnapshot } from "#core/snapshot/types.ts";
import type { Issue } from "#core/validate/issue.ts";
import { UnreadableWorkbookError, readWorkbookBuffer } from "#xlsx/read-workbook.ts";
import type { Actor } from "#functions/store/store.ts";
import { mergeBase, nextMemory } from "./base-state.ts";
import { nightlyMessage } from "./messages.ts";
import type { NightlyMemory, WorkbookRegistration } from "./registry.ts";

/** The push service, bound to a store (`pushRows` of functions/sync/push.ts). */
export type PushFn = (plan: string, request: PushRequest, actor: Actor, locale: "it" | "en") => Promise<PushResponse>;

/** Rows per push: keeps each idempotency record and transaction burst bounded. */
export const ROWS_PER_PUSH = 10_000;
/** Error lines kept per file (the run report is one DynamoDB item). */
export const MAX_ERRORS_PER_FILE = 100;

/** The file's report and, when it was processed completely, what to remember. */
export interface WorkbookOutcome {
  readonly file: RunFile;
  readonly remember?: { readonly eTag: string; readonly memory: NightlyMemory };
}

type RunError = RunFile["errors"][number];

function emptyFile(name: string): RunFile {
  return { file: name, status: "applied", applied: 0, unchanged: 0, conflicts: 0, invalid: 0, errors: [] };
}

/** A file that could not be processed at all. */
export function failedFile(name: string, message: string): RunFile {
  return { ...emptyFile(name), status: "error", errors: [{ message }] };
}

function capErrors(errors: RunError[], locale: "it" | "en"): RunError[] {
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

async function pushAll(push: PushFn, reg: WorkbookRegistration, eTag: string, rows: readonly PushRow[], actor: Actor): Promise<RowResult[]> {
  const results: RowResult[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_PUSH) {
    const chunk = rows.slice(start, start + ROWS_PER_PUSH);
    const request: PushRequest = { idempotencyKey: idempotencyKey(reg.id, eTag, chunk), source: "nightly", rows: chunk };
    const response = await push(reg.plan, request, actor, reg.locale);
    results.push(...response.results);
  }
  return results;
}

/**
 * Processes one fetched workbook.
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
  const { rows, held } = planRows(analysis.plan);
  const base = mergeBase(reg.plan, sheetState, reg.memory);
  const file = emptyFile(reg.name);
  const errors: RunError[] = analysis.issues.filter((issue) => issue.severity === "error").map(issueError);
  const outgoing = outgoingRows({ rows, held, state: base, sheetKinds: analysis.sheets.map((s) => s.kind) });
  errors.push(...withheldErrors(outgoing.withheld, locale));
  const pushed = outgoing.rows;
  file.invalid = held.length;
  file.unchanged = rows.length - pushed.filter((row) => !row.deleted).length;

  const results = await pushAll(push, reg, fetched.eTag, pushed, actor);
  results.forEach((result, i) => {
    const row = pushed[i];
    if (!result || !row) return;
    if (result.status === "applied") file.applied++;
    else if (result.status === "unchanged") file.unchanged += row.deleted ? 0 : 1;
    else if (result.status === "invalid") {
      file.invalid++;
      errors.push(...(result.issues ?? []).map(issueError));
    } else {
      file.conflicts++;
      errors.push({
        message: nightlyMessage("conflict", locale, {
          entity: result.entity,
          key: result.key,
          version: result.current?.version ?? "?",
          base: row.baseVersion,
        }),
      });
    }
  });
  file.errors = capErrors(errors, locale);
  return { file, remember: { eTag: fetched.eTag, memory: nextMemory(sheetState, reg.memory, pushed, results, rows) } };
}
