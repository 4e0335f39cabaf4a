/** Validate: one button, counts, issues grouped by sheet (errors first), highlight toggle. */
import { useMemo } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Switch,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Issue } from "#core/validate/issue.ts";
import { useLocale } from "../hooks/contexts.ts";
import type { AnalysisControls } from "../hooks/useAnalysis.ts";
import { countIssues, groupIssues } from "./group-issues.ts";
import { IssueList } from "./IssueList.tsx";
import { usePanelStyles } from "../styles/panel.ts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  toggles: { display: "flex", flexDirection: "column" },
  counts: {
    display: "block",
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  note: { display: "block", marginBottom: tokens.spacingVerticalS },
});

export interface ValidatePanelProps {
  analysis: AnalysisControls;
  highlight: boolean;
  onHighlightChange(on: boolean): void;
  auto: boolean;
  onAutoChange(on: boolean): void;
  onSelectIssue(issue: Issue): void;
}

export function ValidatePanel({
  analysis,
  highlight,
  onHighlightChange,
  auto,
  onAutoChange,
  onSelectIssue,
}: ValidatePanelProps) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { t } = useLocale();
  const result = analysis.analysis;
  const groups = useMemo(
    () =>
      result === undefined
        ? []
        : groupIssues(
            result.issues,
            result.snapshot.sheets.map((s) => s.name),
          ),
    [result],
  );
  const counts = useMemo(() => countIssues(result?.issues ?? []), [result]);
  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Button
          appearance="primary"
          onClick={() => void analysis.run()}
          disabled={analysis.running}
          data-testid="validate-run"
        >
          {t("validate.run")}
        </Button>
        {analysis.running && <Spinner size="tiny" label={t("validate.running")} />}
      </div>
      <div className={styles.toggles}>
        <Switch
          checked={highlight}
          onChange={(_, d) => onHighlightChange(d.checked)}
          label={t("validate.highlight")}
          data-testid="highlight-toggle"
        />
        <Switch checked={auto} onChange={(_, d) => onAutoChange(d.checked)} label={t("validate.auto")} />
      </div>
      {/* Marks are per person (issue #18): each coauthor's Validate or Clear touches only their own. */}
      <Text as="p" size={200} className={panel.muted} data-testid="highlight-note">
        {t("validate.highlight-own")}
      </Text>
      {analysis.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{t("error.excel", { detail: analysis.error })}</MessageBarBody>
        </MessageBar>
      )}
      {result === undefined ? (
        <Text className={panel.muted}>{t("validate.never")}</Text>
      ) : (
        <div data-testid="validate-result" data-run={result.run} aria-live="polite">
          <Text
            as="p"
            className={styles.counts}
            data-testid="issue-counts"
            data-errors={counts.errors}
            data-warnings={counts.warnings}
          >
            {counts.errors + counts.warnings === 0
              ? t("validate.clean")
              : t("validate.counts", { errors: counts.errors, warnings: counts.warnings })}
          </Text>
          <Text as="p" size={200} className={mergeClasses(panel.muted, styles.note)}>
            {t("validate.sheets-found", { sheets: result.sheets.join(", ") || "—" })} ·{" "}
            {t("validate.elapsed", { ms: result.elapsedMs })}
          </Text>
          {groups.map((g) => (
            <IssueList key={g.sheet} group={g} onSelect={onSelectIssue} />
          ))}
        </div>
      )}
    </div>
  );
}
