/** The last nightly run: counts per file and its errors linked to their cells. */
import { Button, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { RunReport } from "#core/sync/protocol.ts";
import { formatDateTime } from "#core/i18n/formats.ts";
import { useLocale } from "../hooks/contexts.ts";
import { usePanelStyles } from "../styles/panel.ts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
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
