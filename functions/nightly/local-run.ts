/**
 * The nightly job over a folder (`npm run nightly`, tests): every .xlsx in the folder is a
 * workbook of the plan its sync sheet names (or of `fallbackPlan`), registered on first sight so
 * its eTag is remembered between runs; then the same run as in the cloud.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunReport } from "#core/sync/protocol.ts";
import { readSyncSheet } from "#core/sync/sync-sheet.ts";
import { readWorkbookBuffer } from "#xlsx/read-workbook.ts";
import type { SyncStore } from "#functions/store/store.ts";
import { refreshCheckpoint } from "#functions/sync/live-rows.ts";
import { pushRows } from "#functions/sync/push.ts";
import { FolderWorkbookSource } from "./folder-source.ts";
import { newRegistration } from "./registry.ts";
import type { WorkbookRegistration, WorkbookRegistry } from "./registry.ts";
import { runNightly } from "./run-job.ts";
import type { JobLogger } from "./run-job.ts";

/** Inputs of a local run. */
export interface LocalRunOptions {
  readonly dir: string;
  readonly store: SyncStore;
  readonly registry: WorkbookRegistry;
  /** Plan for workbooks without a sync sheet. */
  readonly fallbackPlan?: string;
  /** Recorded as the author of the changes. @default "nightly-local" */
  readonly actorId?: string;
  readonly logger?: JobLogger;
}

/** The result: reports per plan, and files that could not be tied to a plan. */
export interface LocalRunResult {
  readonly reports: RunReport[];
  readonly unassigned: string[];
}

async function planOf(path: string, name: string): Promise<string | undefined> {
  try {
    return readSyncSheet(await readWorkbookBuffer(await readFile(path), name))?.planId;
  } catch {
    // Unreadable here means unreadable in the run too, where it is reported with its plan.
    return undefined;
  }
}

/**
 * Registers the folder's new workbooks, then runs the job over the folder's registrations.
 * Plans are created when missing (a local store starts empty).
 */
export async function runLocalNightly(options: LocalRunOptions): Promise<LocalRunResult> {
  const source = new FolderWorkbookSource(options.dir);
  const actorId = options.actorId ?? "nightly-local";
  const known = new Map((await options.registry.list()).filter((r) => r.location.kind === "folder").map((r) => [r.location.kind === "folder" ? r.location.path : "", r]));
  const regs: WorkbookRegistration[] = [];
  const unassigned: string[] = [];
  for (const location of await source.list()) {
    const existing = known.get(location.path);
    // An unchanged file keeps its registration (and is skipped); a changed one is looked at
    // again, because in a folder the file's own sync sheet says which plan it belongs to.
    if (existing && (await source.eTagOf(location)) === existing.lastETag) {
      regs.push(existing);
      continue;
    }
    const plan = (await planOf(join(source.root, location.path), location.path)) ?? existing?.plan ?? options.fallbackPlan;
    if (!plan) {
      unassigned.push(location.path);
      continue;
    }
    if (existing?.plan === plan) {
      regs.push(existing);
      continue;
    }
    if (existing) await options.registry.remove(existing.plan, existing.id);
    regs.push(await options.registry.put(newRegistration(plan, { source: "folder", path: location.path }, actorId, new Date())));
  }
  for (const plan of new Set(regs.map((r) => r.plan))) {
    if (!(await options.store.planExists(plan))) await options.store.createPlan(plan, plan, actorId);
  }
  const reports = await runNightly(
    {
      registry: options.registry,
      sources: { folder: source },
      push: (plan, request, actor, locale) => pushRows(options.store, plan, request, actor, locale),
      putRun: (plan, report) => options.store.putRun(plan, report),
      checkpoint: async (plan) => void (await refreshCheckpoint(options.store, plan)),
      actorId,
      ...(options.logger ? { logger: options.logger } : {}),
    },
    regs,
  );
  return { reports, unassigned };
}
