/**
 * The last nightly run: totals, the files counted by status (what needs a person, what was skipped
 * as not modified — its open conflicts and invalid rows still listed — and what could not be
 * read), one line per file with its status in words, and its problems linked to their cells.
 */
import { Button, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { RunReport } from "#core/sync/protocol.ts";
import { needsPerson } from "#core/sync/run-status.ts";
import { formatDateTime } from "#core/i18n/formats.ts";
import { displayWord } from "#core/i18n/vocabulary.ts";
import { useLocale } from "../hooks/contexts.ts";
import { usePanelStyles } from "../styles/panel.ts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  attention: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface RunReportViewProps {
  runs: readonly RunReport[] | undefined;
  disabled: boolean;
  onLoad(): void;
  onSelectCell(sheet: string, cell: string): void;
}

export function RunReportView({ runs, disabled, onLoad, onSelectCell }: RunReportViewProps) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { t, locale } = useLocale();
  const last =
    runs === undefined ? undefined : [...runs].sort((a, b) => b.finishedAt.localeCompare(a.finishedAt))[0];
  const sum = (k: "applied" | "unchanged" | "conflicts" | "invalid") =>
    last?.files.reduce((n, f) => n + f[k], 0) ?? 0;
  return (
    <section className={styles.root} aria-label={t("sync.run-report")} data-testid="run-report">
      <h3 className={panel.subheading}>{t("sync.run-report")}</h3>
      <div>
        <Button size="small" disabled={disabled} onClick={onLoad}>
          {t("sync.run-load")}
        </Button>
      </div>
      {runs !== undefined && last === undefined && <Text>{t("sync.run-none")}</Text>}
      {last !== undefined && (
        <>
          <Text>
            {t("sync.run-summary", {
              when: formatDateTime(last.finishedAt, locale),
              files: last.files.length,
              applied: sum("applied"),
              unchanged: sum("unchanged"),
              conflicts: sum("conflicts"),
              invalid: sum("invalid"),
            })}
          </Text>
          <Text data-testid="run-statuses">
            {t("sync.run-statuses", {
              attention: last.files.filter(needsPerson).length,
              skipped: last.files.filter((f) => f.status === "skipped-unchanged").length,
              failed: last.files.filter((f) => f.status === "error").length,
            })}
          </Text>
          <ul className={panel.list}>
            {last.files.map((f) => (
              <li
                key={f.file}
                data-testid="run-file"
                data-file={f.file}
                data-status={f.status}
                className={needsPerson(f) ? styles.attention : undefined}
              >
                {t("sync.run-file", {
                  file: f.file,
                  status: displayWord("runStatus", f.status, locale),
                  applied: f.applied,
                  unchanged: f.unchanged,
                  conflicts: f.conflicts,
                  invalid: f.invalid,
                })}
              </li>
            ))}
          </ul>
          <ul className={panel.list}>
            {last.files.flatMap((f) =>
              f.errors.map((e, i) => (
                <li key={`${f.file}:${i}`}>
                  {f.file}:{" "}
                  {e.sheet !== undefined && e.cell !== undefined ? (
                    <Link onClick={() => onSelectCell(e.sheet!, e.cell!)}>
                      {e.sheet}!{e.cell}
                    </Link>
                  ) : null}{" "}
                  {e.message}
                </li>
              )),
            )}
          </ul>
        </>
      )}
    </section>
  );
}
