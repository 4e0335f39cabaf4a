/** Sync: sign-in state, push with progress and per-row results, pull preview, conflicts, history, nightly report. */
import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Analysis } from "../analysis.ts";
import { useLocale } from "../hooks/contexts.ts";
import { useSync } from "../hooks/useSync.ts";
import { useOnline } from "../hooks/useOnline.ts";
import { ConflictList } from "./ConflictList.tsx";
import { HistoryView } from "./HistoryView.tsx";
import { PullPreviewView } from "./PullPreviewView.tsx";
import { PushResults } from "./PushResults.tsx";
import { RunReportView } from "./RunReportView.tsx";
import { usePanelStyles } from "../styles/panel.ts";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  // Messages may hold one line per point (e.g. withheld deletions per kind).
  lines: { whiteSpace: "pre-line" },
});

export interface SyncPanelProps {
  run(): Promise<Analysis | undefined>;
  /** The tab is shown (re-reads the plan binding and sign-in state). */
  active: boolean;
  onSelectCell(sheet: string, cell: string): void;
}

export function SyncPanel({ run, active, onSelectCell }: SyncPanelProps) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { t } = useLocale();
  const sync = useSync(run, active);
  const online = useOnline();
  const busy = sync.busy !== undefined;
  return (
    <div
      className={panel.page}
      data-testid="sync"
      data-busy={sync.busy ?? ""}
      data-done={sync.done}
      aria-busy={busy}
    >
      <div className={styles.row} data-testid="auth-state" data-signed-in={sync.signedIn}>
        <Text>{sync.signedIn ? t("sync.signed-in", { user: sync.user ?? "—" }) : t("sync.signed-out")}</Text>
        {sync.signedIn ? (
          <Button size="small" onClick={() => void sync.signOut()}>
            {t("sync.sign-out")}
          </Button>
        ) : (
          <Button size="small" appearance="primary" onClick={() => void sync.signIn()} disabled={busy}>
            {t("sync.sign-in")}
          </Button>
        )}
      </div>
      {!online && (
        <MessageBar intent="warning" data-testid="offline">
          <MessageBarBody>{t("sync.offline")}</MessageBarBody>
        </MessageBar>
      )}
      {sync.workbookApi !== undefined && (
        <MessageBar intent="warning" data-testid="workbook-api" data-url={sync.workbookApi}>
          <MessageBarBody>{t("sync.workbook-api", { url: sync.workbookApi })}</MessageBarBody>
          <Button size="small" onClick={sync.confirmWorkbookApi} data-testid="workbook-api-use">
            {t("sync.workbook-api-use")}
          </Button>
        </MessageBar>
      )}
      <Text className={panel.muted}>
        {sync.planId === undefined ? t("sync.no-plan") : t("sync.plan", { plan: sync.planId })}
      </Text>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void sync.push()} disabled={busy} data-testid="push">
          {t("sync.push")}
        </Button>
        <Button onClick={() => void sync.pull()} disabled={busy} data-testid="pull">
          {t("sync.pull")}
        </Button>
      </div>
      {(sync.busy === "push" || sync.busy === "pull" || sync.busy === "apply") && (
        <ProgressBar
          data-testid="sync-progress"
          data-done={sync.progress?.done ?? ""}
          data-total={sync.progress?.total ?? ""}
          aria-label={sync.busy === "push" ? t("sync.pushing") : t("sync.pulling")}
          {...(sync.progress !== undefined && sync.progress.total > 0
            ? { value: sync.progress.done / sync.progress.total }
            : {})}
        />
      )}
      {sync.message !== undefined && (
        <MessageBar intent={sync.message.intent} data-testid="sync-message" data-intent={sync.message.intent}>
          <MessageBarBody className={styles.lines}>{sync.message.text}</MessageBarBody>
        </MessageBar>
      )}
      {sync.pullPreview !== undefined && (
        <PullPreviewView
          preview={sync.pullPreview}
          disabled={busy}
          onApply={(take) => void sync.applyPull(take)}
          onCancel={sync.cancelPull}
        />
      )}
      <ConflictList
        conflicts={sync.conflicts}
        disabled={busy}
        onResolve={(c, choice) => void sync.resolve(c, choice)}
        onHistory={(entity, key) => void sync.history(entity, key)}
      />
      {sync.pushed !== undefined && sync.pushed.results.length > 0 && (
        <PushResults results={sync.pushed.results} />
      )}
      <HistoryView
        history={sync.rowHistory}
        disabled={busy}
        onShow={(entity, key) => void sync.history(entity, key)}
        onShowBudget={(query) => void sync.budgetHistory(query)}
        onShowSelected={() => void sync.selectedHistory()}
        onRestore={(entity, key, version) => void sync.restore(entity, key, version)}
        restored={sync.restored}
        onWriteRestored={() => void sync.writeRestored()}
      />
      <RunReportView
        runs={sync.runs}
        disabled={busy}
        onLoad={() => void sync.loadRuns()}
        onSelectCell={onSelectCell}
      />
    </div>
  );
}
