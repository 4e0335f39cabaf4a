/**
 * The Sync panel's state and actions: sign-in, push (with progress and per-row results), pull
 * (preview, then write), conflicts (keep mine / take cloud), history and restore, nightly report.
 * Every action re-reads the workbook first, so it works on what the user sees now.
 */
import { useCallback, useEffect, useState } from "react";
import { rowDisplayName } from "#core/i18n/row-name.ts";
import type { SyncState } from "#core/sync/state.ts";
import { readSyncSheet } from "#core/sync/sync-sheet.ts";
import { findBudgetKeys, type BudgetQuery } from "#core/sync/find-budget-row.ts";
import { rowAt } from "#core/sync/row-at.ts";
import type { HistoryResponse, RunReport } from "#core/sync/protocol.ts";
import type { ApiClient } from "#addin/api/client.ts";
import type { Analysis } from "../analysis.ts";
import { errorText } from "../error-text.ts";
import { applyPull, keepMine, keepMineSettled, previewPull, push, takeCloud } from "../sync/sync-engine.ts";
import { chooseApi } from "../sync/api-choice.ts";
import { resolvedResults } from "../sync/resolved-results.ts";
import { writeRowIntoSheet } from "../sync/write-cloud-row.ts";
import type { Conflict, PullPreview, PushOutcome, SyncHost } from "../sync/sync-engine.ts";
import { useLocale, useServices } from "./contexts.ts";
import { useApiClient } from "./useApiClient.ts";
import type { Translate } from "#addin/i18n/strings.ts";

export type SyncBusy =
  "push" | "pull" | "apply" | "resolve" | "history" | "restore" | "restore-write" | "runs" | "sign-in";

export interface SyncMessage {
  intent: "success" | "warning" | "error" | "info";
  text: string;
}

export interface SyncView {
  planId: string | undefined;
  apiUrl: string;
  /**
   * The API address only the workbook's sync sheet names (no setting), not confirmed yet: the
   * sign-in token is never sent to an address a file chose until the user confirms it.
   */
  workbookApi: string | undefined;
  signedIn: boolean;
  user: string | undefined;
  busy: SyncBusy | undefined;
  progress: { done: number; total: number } | undefined;
  pushed: PushOutcome | undefined;
  conflicts: Conflict[];
  pullPreview: PullPreview | undefined;
  rowHistory: HistoryResponse | undefined;
  /** The version a restore just made, offered to be written into the sheet (cleared once written). */
  restored: { entity: string; key: string; version: number } | undefined;
  runs: RunReport[] | undefined;
  message: SyncMessage | undefined;
  /** Number of finished actions (lets tests and screen readers tell a new result from the last one). */
  done: number;
}

export interface SyncActions {
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  push(): Promise<void>;
  pull(): Promise<void>;
  /** `take`: state keys of the rows whose cloud version the person chose over the file's. */
  applyPull(take?: ReadonlySet<string>): Promise<void>;
  cancelPull(): void;
  resolve(conflict: Conflict, choice: "mine" | "cloud"): Promise<void>;
  history(entity: string, key: string): Promise<void>;
  /** History of the budget row the sheet shows with these values (the first one, if several). */
  budgetHistory(query: BudgetQuery): Promise<void>;
  /** History of the row the person's active cell is in. */
  selectedHistory(): Promise<void>;
  restore(entity: string, key: string, version: number): Promise<void>;
  /** Writes the version the last restore made into the sheet. */
  writeRestored(): Promise<void>;
  loadRuns(): Promise<void>;
  /** The user confirms the workbook's API address (`workbookApi`) for this session. */
  confirmWorkbookApi(): void;
}

/** One line per kind of deletion a push left out (empty when none), each starting on a new line. */
function withheldLines(outcome: PushOutcome, t: Translate): string {
  return outcome.withheld
    .map((w) => `\n${t(`sync.withheld.${w.reason}`, { kind: t(`sync.kind.${w.entity}`), count: w.count })}`)
    .join("");
}

/** `active`: the Sync tab is shown; the plan binding and sign-in state are re-read each time it is. */
export function useSync(run: () => Promise<Analysis | undefined>, active = true): SyncView & SyncActions {
  const services = useServices();
  const host: SyncHost = services.host;
  const { t, locale } = useLocale();
  // The user's setting wins; else the API the workbook was last synced with (kept in its sync
  // sheet), but only once the user confirms it: a crafted file must not collect a token.
  const [workbookApi, setWorkbookApi] = useState<string | undefined>(undefined);
  const [confirmedApi, setConfirmedApi] = useState<string | undefined>(undefined);
  const { apiUrl, pending: pendingApi } = chooseApi(
    services.settings.load().apiUrl,
    workbookApi,
    confirmedApi,
  );
  const api: ApiClient = useApiClient(apiUrl);
  const [view, setView] = useState<Omit<SyncView, "apiUrl" | "workbookApi">>({
    planId: undefined,
    signedIn: false,
    user: undefined,
    busy: undefined,
    progress: undefined,
    pushed: undefined,
    conflicts: [],
    pullPreview: undefined,
    rowHistory: undefined,
    restored: undefined,
    runs: undefined,
    message: undefined,
    done: 0,
  });
  const patch = useCallback((p: Partial<SyncView>) => setView((v) => ({ ...v, ...p })), []);

  const refreshAuth = useCallback(async () => {
    try {
      const token = await services.auth.getToken();
      patch({ signedIn: token !== undefined, user: services.auth.user() });
    } catch {
      patch({ signedIn: false, user: undefined });
    }
  }, [services, patch]);

  useEffect(() => {
    if (!active) return;
    void refreshAuth();
    host
      .readSyncState()
      .then((s) => {
        patch({ planId: s?.planId });
        setWorkbookApi(s?.apiUrl);
      })
      .catch(() => patch({ planId: undefined }));
  }, [host, refreshAuth, patch, active]);

  /** Runs an action with a busy flag; failures become a message. */
  const guarded = useCallback(
    async (busy: SyncBusy, action: () => Promise<SyncMessage | undefined>) => {
      patch({ busy, message: undefined });
      try {
        const message = await action();
        setView((v) => ({ ...v, busy: undefined, progress: undefined, message, done: v.done + 1 }));
      } catch (e) {
        setView((v) => ({
          ...v,
          busy: undefined,
          progress: undefined,
          message: { intent: "error", text: errorText(e, t, locale) },
          done: v.done + 1,
        }));
        void refreshAuth();
      }
    },
    [patch, t, locale, refreshAuth],
  );

  /**
   * Fresh analysis and sync state, or a message saying what is missing. One workbook read serves
   * both (the sync sheet is in the same snapshot): a sync action costs one read's round trips.
   */
  const prepare = useCallback(async (): Promise<{ analysis: Analysis; state: SyncState } | SyncMessage> => {
    if (apiUrl === "") {
      if (pendingApi !== undefined)
        return { intent: "warning", text: t("sync.workbook-api", { url: pendingApi }) };
      return { intent: "warning", text: t("sync.no-api") };
    }
    const analysis = await run();
    if (analysis === undefined) return { intent: "error", text: t("error.excel", { detail: "read" }) };
    const state = readSyncSheet(analysis.snapshot);
    patch({ planId: state?.planId });
    if (state === undefined) return { intent: "warning", text: t("sync.no-plan") };
    // Recorded with the next state write, so another user opening this file finds the same API
    // (and is asked before using it), and every client parses the cells the way we did.
    state.apiUrl = apiUrl;
    if (analysis.snapshot.locale !== undefined) state.locale = analysis.snapshot.locale;
    return { analysis, state };
  }, [apiUrl, pendingApi, run, t, patch]);

  const actions: SyncActions = {
    signIn: () =>
      guarded("sign-in", async () => {
        await services.auth.getToken({ interactive: true });
        await refreshAuth();
        return undefined;
      }),
    signOut: async () => {
      await services.auth.signOut();
      await refreshAuth();
    },
    push: () =>
      guarded("push", async () => {
        const ready = await prepare();
        if (!("analysis" in ready)) return ready;
        const outcome = await push(host, api, ready.analysis, ready.state, (done, total) =>
          patch({ progress: { done, total } }),
        );
        const count = (s: string) => outcome.results.filter((r) => r.status === s).length;
        patch({ pushed: outcome, conflicts: outcome.conflicts });
        if (outcome.sent === 0) {
          const withheld = withheldLines(outcome, t);
          return withheld === ""
            ? { intent: "info", text: t("sync.nothing-to-push") }
            : { intent: "warning", text: t("sync.nothing-to-push") + withheld };
        }
        const summary = t("sync.push-summary", {
          applied: count("applied"),
          unchanged: count("unchanged"),
          conflict: count("conflict"),
          invalid: count("invalid"),
        });
        const held = outcome.held > 0 ? ` ${t("sync.held", { count: outcome.held })}` : "";
        return {
          intent:
            outcome.conflicts.length > 0 || count("invalid") > 0 || outcome.withheld.length > 0
              ? "warning"
              : "success",
          text: summary + held + withheldLines(outcome, t),
        };
      }),
    pull: () =>
      guarded("pull", async () => {
        const ready = await prepare();
        if (!("analysis" in ready)) return ready;
        const preview = await previewPull(api, ready.analysis, ready.state);
        patch({ pullPreview: preview });
        return undefined;
      }),
    applyPull: (take) =>
      guarded("apply", async () => {
        const preview = view.pullPreview;
        if (preview === undefined) return undefined;
        const ready = await prepare();
        if (!("analysis" in ready)) return ready;
        const applied = await applyPull(host, ready.analysis, ready.state, preview, take);
        patch({ pullPreview: undefined });
        await run();
        // "edited in the file" only for rows really edited since their base (issue #11 part 4).
        const notes = [
          applied.keptLocal > 0 ? t("sync.pull-kept-local", { count: applied.keptLocal }) : "",
          applied.keptUnbased > 0 ? t("sync.pull-kept-unbased", { count: applied.keptUnbased }) : "",
          applied.partial > 0 ? t("sync.pull-partial", { count: applied.partial }) : "",
        ].filter((n) => n !== "");
        return {
          intent: notes.length > 0 ? "warning" : "success",
          text: [t("sync.pull-applied", { count: applied.written }), ...notes].join("\n"),
        };
      }),
    cancelPull: () => patch({ pullPreview: undefined }),
    resolve: (conflict, choice) =>
      guarded("resolve", async () => {
        const ready = await prepare();
        if (!("analysis" in ready)) return ready;
        if (choice === "mine") {
          const result = await keepMine(host, api, ready.state, conflict);
          if (result?.status === "conflict" && result.current !== undefined) {
            setView((v) => ({
              ...v,
              conflicts: v.conflicts.map((c) => (c === conflict ? { ...c, cloud: result.current! } : c)),
            }));
            return { intent: "warning", text: t("sync.status.conflict") };
          }
          if (!keepMineSettled(result)) {
            // Invalid or no answer: the conflict stays on screen, nothing is reported as done.
            const status = result === undefined ? "—" : t(`sync.status.${result.status}`);
            return { intent: "error", text: t("sync.keep-mine-failed", { key: rowDisplayName(conflict.entity, conflict.key, locale), status }) };
          }
          const settled = result;
          setView((v) => ({
            ...v,
            pushed:
              v.pushed === undefined
                ? undefined
                : { ...v.pushed, results: resolvedResults(v.pushed.results, conflict, "mine", settled) },
          }));
        } else {
          await takeCloud(host, ready.analysis, ready.state, conflict);
          await run();
          setView((v) => ({
            ...v,
            pushed:
              v.pushed === undefined
                ? undefined
                : {
                    ...v.pushed,
                    results: resolvedResults(v.pushed.results, conflict, "cloud", conflict.cloud),
                  },
          }));
        }
        setView((v) => ({ ...v, conflicts: v.conflicts.filter((c) => c !== conflict) }));
        return {
          intent: "success",
          text: choice === "mine" ? t("sync.resolved-mine") : t("sync.resolved-cloud"),
        };
      }),
    history: (entity, key) =>
      guarded("history", async () => {
        const ready = await prepare();
        if (!("analysis" in ready)) return ready;
        patch({ rowHistory: await api.history(ready.state.planId, entity, key) });
        return undefined;
      }),
    budgetHistory: (query) =>
      guarded("history", async () => {
        const ready = await prepare();
        if (!("analysis" in ready)) return ready;
        const [key] = findBudgetKeys(ready.analysis.plan, query);
        if (key === undefined)
          return { intent: "warning", text: t("sync.budget-not-found", { project: query.project, category: query.category }) };
        patch({ rowHistory: await api.history(ready.state.planId, "budget", key) });
        return undefined;
      }),
    selectedHistory: () =>
      guarded("history", async () => {
        const ready = await prepare();
        if (!("analysis" in ready)) return ready;
        // The analysis is a fresh read, so the sheet rows it saw are the ones the person sees.
        const cell = await host.activeCell();
        const row = cell && rowAt(ready.analysis.plan, cell.sheet, cell.row);
        if (row === undefined) return { intent: "warning", text: t("sync.history-no-row") };
        patch({ rowHistory: await api.history(ready.state.planId, row.entity, row.key) });
        return undefined;
      }),
    restore: (entity, key, version) =>
      guarded("restore", async () => {
        const ready = await prepare();
        if (!("analysis" in ready)) return ready;
        const restored = await api.restore(ready.state.planId, entity, key, { version, source: "addin" });
        patch({ rowHistory: await api.history(ready.state.planId, entity, key), restored: undefined });
        if (restored.status !== "applied" || restored.version === undefined) {
          return {
            intent: "warning",
            text: t("sync.restore-refused", { status: t(`sync.status.${restored.status}`), key: rowDisplayName(entity, key, locale) }),
          };
        }
        patch({ restored: { entity, key, version: restored.version } });
        return { intent: "success", text: t("sync.restored", { version, newVersion: restored.version }) };
      }),
    writeRestored: () =>
      guarded("restore-write", async () => {
        const target = view.restored;
        if (target === undefined) return undefined;
        const ready = await prepare();
        if (!("analysis" in ready)) return ready;
        // The restored version as the cloud holds it now (a newer edit since then wins: not written).
        const history = await api.history(ready.state.planId, target.entity, target.key);
        const newest = history.versions[history.versions.length - 1];
        if (newest === undefined || newest.version !== target.version) {
          patch({ rowHistory: history, restored: undefined });
          return { intent: "warning", text: t("sync.restore-moved", { key: rowDisplayName(target.entity, target.key, locale) }) };
        }
        const taken = await writeRowIntoSheet(host, ready.analysis, ready.state, newest);
        await run();
        patch({ rowHistory: history, restored: undefined });
        return taken === "full"
          ? {
              intent: "success",
              text: t("sync.restore-written", { key: rowDisplayName(target.entity, target.key, locale), version: target.version }),
            }
          : { intent: "warning", text: t("sync.pull-partial", { count: 1 }) };
      }),
    loadRuns: () =>
      guarded("runs", async () => {
        const ready = await prepare();
        if (!("analysis" in ready)) return ready;
        patch({ runs: (await api.runs(ready.state.planId)).runs });
        return undefined;
      }),
    confirmWorkbookApi: () => {
      if (pendingApi !== undefined) setConfirmedApi(pendingApi);
      patch({ message: undefined });
    },
  };
  return { ...view, apiUrl, workbookApi: pendingApi, ...actions };
}
