/** Overview: PRL by priority and line, projects by PRL, budget roll-ups, to-resubmit and dormant lists. */
import { useMemo, useState } from "react";
import { Button, Checkbox, Link, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { formatDate } from "#core/i18n/formats.ts";
import type { Analysis } from "../analysis.ts";
import type { UserSettings } from "../services.ts";
import { useLocale, useServices } from "../hooks/contexts.ts";
import { buildOverview } from "./overview-model.ts";
import type { ProjectRef } from "./overview-model.ts";
import { overviewSheetSpec } from "./overview-sheet.ts";
import { PrlChart } from "./PrlChart.tsx";
import { PrlTable, RollupTable } from "./OverviewTables.tsx";
import { prlChanges } from "./readiness-model.ts";
import { ReadinessSection } from "./ReadinessSection.tsx";
import { useReadiness } from "./useReadiness.ts";
import { usePanelStyles } from "../styles/panel.ts";

function ProjectList({
  title,
  items,
  testId,
  onSelect,
}: {
  title: string;
  items: ProjectRef[];
  testId: string;
  onSelect(p: ProjectRef): void;
}) {
  const styles = usePanelStyles();
  const { t } = useLocale();
  return (
    <section data-testid={testId} aria-label={title}>
      <h3 className={styles.heading}>
        {title} ({items.length})
      </h3>
      {items.length === 0 ? (
        <Text className={styles.muted}>{t("overview.none")}</Text>
      ) : (
        <ul className={styles.list}>
          {items.map((p) => (
            <li key={p.key} data-key={p.key}>
              {p.sheet !== undefined ? <Link onClick={() => onSelect(p)}>{p.key}</Link> : p.key} — {p.title}{" "}
              (PRL {p.prl})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export interface OverviewPanelProps {
  analysis: Analysis | undefined;
  /** false while the tab is hidden: the overview is computed only when someone looks at it. */
  active: boolean;
  onRun(): void;
  onSelectRow(sheet: string, row: number): void;
  /** The user's settings (the last board meeting's date is kept there) and how to save them. */
  settings: UserSettings;
  onSaveSettings(settings: UserSettings): void;
}

export function OverviewPanel({
  analysis,
  active,
  onRun,
  onSelectRow,
  settings,
  onSaveSettings,
}: OverviewPanelProps) {
  const styles = usePanelStyles();
  const { t, locale } = useLocale();
  const services = useServices();
  const [note, setNote] = useState<{ intent: "success" | "error"; text: string } | undefined>(undefined);
  const readiness = useReadiness();
  const [withMovement, setWithMovement] = useState(true);
  const model = useMemo(
    () => (analysis === undefined || !active ? undefined : buildOverview(analysis.plan, services.today())),
    [analysis, active, services],
  );
  const changes = useMemo(
    () =>
      model === undefined || readiness.then === undefined ? undefined : prlChanges(model.prl, readiness.then),
    [model, readiness.then],
  );
  const since = readiness.date === undefined ? undefined : formatDate(readiness.date, locale);
  const movement =
    withMovement && readiness.movement !== undefined && since !== undefined
      ? { since, entries: readiness.movement.projects }
      : undefined;
  if (!active) return null;
  if (model === undefined) {
    return (
      <div className={styles.page}>
        <Text className={styles.muted}>{t("overview.empty")}</Text>
        <div>
          <Button appearance="primary" onClick={onRun}>
            {t("validate.run")}
          </Button>
        </div>
      </div>
    );
  }
  const writeSheet = async () => {
    const spec = overviewSheetSpec(model, t, movement === undefined ? undefined : { ...movement, locale });
    try {
      await services.host.addSheetWithTable(spec);
      setNote({ intent: "success", text: t("overview.sheet-written", { sheet: spec.sheet }) });
    } catch (e) {
      setNote({
        intent: "error",
        text: t("error.excel", { detail: e instanceof Error ? e.message : String(e) }),
      });
    }
  };
  const select = (p: ProjectRef) => {
    if (p.sheet !== undefined && p.row !== undefined) onSelectRow(p.sheet, p.row);
  };
  return (
    <div className={styles.page} data-testid="overview">
      <div className={styles.buttons}>
        <Button onClick={onRun}>{t("overview.refresh")}</Button>
        <Button appearance="primary" onClick={() => void writeSheet()} data-testid="overview-write">
          {t("overview.write-sheet")}
        </Button>
      </div>
      {readiness.movement !== undefined && since !== undefined && (
        <Checkbox
          checked={withMovement}
          onChange={(_, d) => setWithMovement(d.checked === true)}
          label={t("readiness.include-movement", { date: since })}
          data-testid="overview-with-movement"
        />
      )}
      {note && (
        <MessageBar intent={note.intent}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
      <PrlTable rows={model.prl} {...(changes === undefined ? {} : { changes, since: since ?? "" })} />
      <Text size={200} className={styles.muted}>
        {t("overview.gap-hint")}
      </Text>
      <section aria-label={t("overview.distribution")}>
        <h3 className={styles.heading}>{t("overview.distribution")}</h3>
        <PrlChart distribution={model.distribution} />
      </section>
      <RollupTable
        caption={t("overview.by-priority")}
        keyHeading={t("overview.priority")}
        rows={model.byPriority}
        total={model.all}
        testId="rollup-priority"
      />
      <RollupTable
        caption={t("overview.by-programme")}
        keyHeading={t("overview.programme")}
        rows={model.byProgramme}
        testId="rollup-programme"
      />
      <ProjectList
        title={t("overview.to-resubmit")}
        items={model.toResubmit}
        testId="to-resubmit"
        onSelect={select}
      />
      <ProjectList title={t("overview.dormant")} items={model.dormant} testId="dormant" onSelect={select} />
      <ReadinessSection readiness={readiness} settings={settings} onSaveSettings={onSaveSettings} />
    </div>
  );
}
