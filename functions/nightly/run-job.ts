/**
 * The nightly run: every registered workbook of every plan, a bounded number at a time; one run
 * report per plan stored through the sync store (GET /plans/{plan}/runs serves them). A file that
 * fails is reported and the others still run.
 */
import { randomUUID } from "node:crypto";
import type { RunFile, RunReport } from "#core/sync/protocol.ts";
import type { Actor } from "#functions/store/store.ts";
import { fetchDetailText, problemText } from "./fetch-detail.ts";
import { nightlyMessage } from "./messages.ts";
import { needsPerson } from "#core/sync/run-status.ts";
import { failedFile, processWorkbook } from "./process-workbook.ts";
import type { PushFn } from "./process-workbook.ts";
import type { WorkbookRegistration, WorkbookRegistry } from "./registry.ts";
import type { FolderLocation, GraphLocation, WorkbookSource } from "./workbook-source.ts";
import { WorkbookFetchError } from "./workbook-source.ts";

/** Structured logging the job needs (Powertools Logger fits). */
export interface JobLogger {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

/** Counters the job emits (Powertools Metrics in Lambda). */
export interface JobMetrics {
  count(name: string, value: number): void;
}

/** What the run needs. */
export interface NightlyDeps {
  readonly registry: WorkbookRegistry;
  readonly sources: { readonly graph?: WorkbookSource<GraphLocation>; readonly folder?: WorkbookSource<FolderLocation> };
  readonly push: PushFn;
  readonly putRun: (plan: string, report: RunReport) => Promise<void>;
  /**
   * Brings the plan's checkpoint up to date once the night's pushes are in (sync/live-rows.ts):
   * as-of and movement reads then start from a checkpoint at most about one threshold of changes
   * (or one night) old, even when nobody read the plan's roll-ups for months.
   */
  readonly checkpoint?: (plan: string) => Promise<void>;
  /** Recorded as the author of every nightly change. */
  readonly actorId: string;
  /** Files in flight at once. @default 4 */
  readonly concurrency?: number;
  readonly logger?: JobLogger;
  readonly metrics?: JobMetrics;
  readonly now?: () => Date;
  /** ISO date for date-relative validation; defaults to the clock. */
  readonly today?: string;
}

const quiet: JobLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Runs `task` over `items` with at most `limit` in flight; results in input order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

function sourceFor(deps: NightlyDeps, reg: WorkbookRegistration): WorkbookSource | undefined {
  return (reg.location.kind === "graph" ? deps.sources.graph : deps.sources.folder) as WorkbookSource | undefined;
}

/** One file, start to end; never throws. */
async function runFile(deps: NightlyDeps, reg: WorkbookRegistration, actor: Actor, log: JobLogger): Promise<RunFile> {
  const source = sourceFor(deps, reg);
  if (!source) {
    const detail = fetchDetailText({ key: "detail.no-source", params: { source: reg.location.kind } }, reg.locale);
    return failedFile(reg.name, nightlyMessage("fetch.unavailable", reg.locale, { detail }));
  }
  let fetched;
  try {
    fetched = await source.fetch(reg.location, reg.lastETag);
  } catch (error) {
    const code = error instanceof WorkbookFetchError ? error.code : "unavailable";
    log.warn("fetch failed", { plan: reg.plan, workbook: reg.id, code, detail: problemText(error, "en") });
    return failedFile(reg.name, nightlyMessage(`fetch.${code}`, reg.locale, { detail: problemText(error, reg.locale) }));
  }
  if (fetched.status === "unchanged") {
    // Not read again, but what it left open last time is still open: listed until a push resolves it.
    const open = reg.open ?? { conflicts: 0, invalid: 0, errors: [] };
    return { file: reg.name, status: "skipped-unchanged", applied: 0, unchanged: 0, conflicts: open.conflicts, invalid: open.invalid, errors: [...open.errors] };
  }
  try {
    const outcome = await processWorkbook(reg, fetched, deps.push, actor, deps.today);
    const kept = outcome.remember;
    if (kept) await deps.registry.remember(reg.plan, reg.id, kept.eTag, kept.memory, kept.open);
    return outcome.file;
  } catch (error) {
    // The store failed mid-push: rows already applied stay applied, and the next night's retry of
    // the same saved file (same eTag, not remembered) sends the same idempotency key for the same
    // rows and so recognises them; a new save of the file gets new keys.
    log.error("push failed", { plan: reg.plan, workbook: reg.id, error: error instanceof Error ? error.message : String(error) });
    return failedFile(reg.name, nightlyMessage("push-failed", reg.locale));
  }
}

/**
 * Runs the job once over the given registrations (default: every registered workbook).
 *
 * @returns the run reports stored, one per plan
 */
export async function runNightly(deps: NightlyDeps, registrations?: readonly WorkbookRegistration[]): Promise<RunReport[]> {
  const log = deps.logger ?? quiet;
  const now = deps.now ?? (() => new Date());
  const regs = registrations ?? (await deps.registry.list());
  const actor: Actor = { id: deps.actorId, source: "nightly" };
  const startedAt = now().toISOString();
  log.info("nightly run started", { workbooks: regs.length });

  const files = await mapBounded(regs, deps.concurrency ?? 4, (reg) => runFile(deps, reg, actor, log));
  const finishedAt = now().toISOString();

  const byPlan = new Map<string, RunFile[]>();
  regs.forEach((reg, i) => {
    const list = byPlan.get(reg.plan) ?? [];
    list.push(files[i] as RunFile);
    byPlan.set(reg.plan, list);
  });
  const reports: RunReport[] = [];
  for (const [plan, planFiles] of byPlan) {
    const report: RunReport = { runId: randomUUID(), plan, startedAt, finishedAt, files: planFiles };
    await deps.putRun(plan, report);
    reports.push(report);
    if (deps.checkpoint === undefined) continue;
    try {
      await deps.checkpoint(plan);
    } catch (error) {
      // Only reads get slower without it (the next read or night builds it): the run still stands.
      log.warn("checkpoint failed", { plan, error: error instanceof Error ? error.message : String(error) });
    }
  }

  const total = (pick: (f: RunFile) => number): number => files.reduce((sum, f) => sum + pick(f), 0);
  const summary = {
    files: files.length,
    skipped: files.filter((f) => f.status === "skipped-unchanged").length,
    failed: files.filter((f) => f.status === "error").length,
    needsPerson: files.filter(needsPerson).length,
    applied: total((f) => f.applied),
    unchanged: total((f) => f.unchanged),
    conflicts: total((f) => f.conflicts),
    invalid: total((f) => f.invalid),
  };
  for (const [name, value] of Object.entries(summary)) deps.metrics?.count(`Nightly${name.charAt(0).toUpperCase()}${name.slice(1)}`, value);
  log.info("nightly run finished", { plans: reports.length, ...summary });
  return reports;
}
