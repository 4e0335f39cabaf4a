/**
 * The Overview's "compare with" section (issue #17): a date (the saved last board meeting, else
 * the start of the year), what moved since then, and the PRL distribution month by month. The
 * per-priority and per-line arrows are drawn by the PRL table the panel shows above this section.
 */
import { useState } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { IsoDate } from "#core/model.ts";
import { formatDate, formatDateTime } from "#core/i18n/formats.ts";
import type { UserSettings } from "../services.ts";
import { useLocale, useServices } from "../hooks/contexts.ts";
import { usePanelStyles } from "../styles/panel.ts";
import { MonthlyPrlChart } from "./MonthlyPrlChart.tsx";
import { movementText } from "./movement-text.ts";
import { PrlArrow } from "./PrlArrow.tsx";
import { defaultCompareDate, isIsoDate, scopeChange, startOfYear } from "./readiness-model.ts";
import type { useReadiness } from "./useReadiness.ts";

export interface ReadinessSectionProps {
  readiness: ReturnType<typeof useReadiness>;
  settings: UserSettings;
  onSaveSettings(settings: UserSettings): void;
}

export function ReadinessSection({ readiness, settings, onSaveSettings }: ReadinessSectionProps) {
  const styles = usePanelStyles();
  const services = useServices();
  const { t, locale } = useLocale();
  const today = services.today();
  const [date, setDate] = useState<IsoDate>(() => defaultCompareDate(settings.boardMeeting, today));
  const [note, setNote] = useState<{ intent: "success" | "warning"; text: string } | undefined>();
  const valid = isIsoDate(date) && date <= today;
  const run = () => {
    if (!valid) return setNote({ intent: "warning", text: t("readiness.invalid-date") });
    setNote(undefined);
    void readiness.compare(date);
  };
  const saveMeeting = () => {
    if (!valid) return setNote({ intent: "warning", text: t("readiness.invalid-date") });
    onSaveSettings({ ...settings, boardMeeting: date });
    setNote({ intent: "success", text: t("readiness.meeting-saved", { date: formatDate(date, locale) }) });
  };
  const shown = readiness.date;
  return (
    <section
      className={styles.section}
      aria-label={t("readiness.title")}
      data-testid="readiness"
      data-done={readiness.done}
      aria-busy={readiness.busy}
    >
      <h3 className={styles.heading}>{t("readiness.title")}</h3>
      <Text size={200} className={styles.muted}>
        {t("readiness.hint")}
      </Text>
      <Field label={t("readiness.date")}>
        <Input
          type="date"
          value={date}
          max={today}
          onChange={(_, d) => setDate(d.value)}
          data-testid="compare-date"
        />
      </Field>
      <div className={styles.buttons}>
        <Button size="small" onClick={() => setDate(startOfYear(today))} data-testid="compare-start-of-year">
          {t("readiness.start-of-year")}
        </Button>
        {settings.boardMeeting !== undefined && (
          <Button
            size="small"
            onClick={() => setDate(settings.boardMeeting ?? date)}
            data-testid="compare-board-meeting"
          >
            {t("readiness.board-meeting")}
          </Button>
        )}
        <Button size="small" onClick={saveMeeting} data-testid="compare-save-meeting">
          {t("readiness.save-meeting")}
        </Button>
        <Button appearance="primary" onClick={run} disabled={readiness.busy} data-testid="compare-run">
          {t("readiness.run")}
        </Button>
      </div>
      {note && (
        <MessageBar intent={note.intent}>
          <MessageBarBody data-testid="compare-note">{note.text}</MessageBarBody>
        </MessageBar>
      )}
      {readiness.message !== undefined && (
        <MessageBar intent="warning">
          <MessageBarBody data-testid="compare-message">{readiness.message}</MessageBarBody>
        </MessageBar>
      )}
      {readiness.movement && shown !== undefined && (
        <section
          aria-label={t("readiness.movement", { date: formatDate(shown, locale) })}
          data-testid="movement"
        >
          <h4 className={styles.subheading}>
            {t("readiness.movement", { date: formatDate(shown, locale) })}
          </h4>
          {readiness.movement.projects.length === 0 ? (
            <Text className={styles.muted}>{t("overview.none")}</Text>
          ) : (
            <ul className={styles.list}>
              {readiness.movement.projects.map((e) => (
                <li
                  key={e.project}
                  data-testid="movement-item"
                  data-project={e.project}
                  data-kind={e.kind}
                  data-prl-before={e.before?.prl}
                  data-prl-after={e.after?.prl}
                >
                  {e.after !== undefined && (
                    <>
                      <PrlArrow change={scopeChange(e.before?.prl, e.after.prl)} />{" "}
                    </>
                  )}
                  <strong>{e.project}</strong>
                  {e.title !== undefined ? ` — ${e.title}` : ""}: {movementText(e, t, locale)}
                  {e.at !== undefined && e.by !== undefined && (
                    <Text size={200} className={styles.muted}>
                      {" "}
                      ({t("readiness.when-who", { at: formatDateTime(e.at, locale), by: e.by })})
                    </Text>
                  )}
                </li>
              ))}
            </ul>
          )}
          {readiness.movement.omitted !== undefined && (
            <Text className={styles.muted}>
              {t("readiness.omitted", { count: readiness.movement.omitted })}
            </Text>
          )}
        </section>
      )}
      {readiness.months && readiness.months.length > 0 && (
        <section aria-label={t("readiness.months")}>
          <h4 className={styles.subheading}>{t("readiness.months")}</h4>
          <MonthlyPrlChart months={readiness.months} />
        </section>
      )}
    </section>
  );
}
