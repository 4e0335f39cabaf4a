/**
 * Settings: API address, plan binding (in the workbook), language, =PRL() names, missing codes,
 * and what this Excel lacks of the optional features (with what works instead).
 */
import { useEffect, useState } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Locale } from "#core/snapshot/types.ts";
import { isLocale } from "#addin/i18n/locale.ts";
import type { Translate } from "#addin/i18n/strings.ts";
import type { Analysis } from "../analysis.ts";
import { errorText } from "../error-text.ts";
import { useLocale, useServices } from "../hooks/contexts.ts";
import type { UserSettings, WorkbookHost } from "../services.ts";
import { assignCodeWrites } from "./assign-codes.ts";
import { usePanelStyles } from "../styles/panel.ts";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    alignItems: "flex-start",
  },
  // Full-width notes whose text wraps inside the pane.
  notes: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** A button with its one-line explanation under it. */
function HintedAction(props: { label: string; hint: string; testId: string; onClick(): void }) {
  const styles = useStyles();
  const panel = usePanelStyles();
  return (
    <div className={styles.section}>
      <Button onClick={props.onClick} data-testid={props.testId}>
        {props.label}
      </Button>
      <Text size={200} className={panel.muted}>
        {props.hint}
      </Text>
    </div>
  );
}

/** What the pane says for each optional feature this Excel lacks. */
const MISSING_FEATURE_TEXT = {
  triggerSource: "feature.trigger-source-unavailable",
  lambdaNames: "feature.lambda-names-unavailable",
} as const;

/** The notes for the optional features `features` says are missing (none when unknown). */
function missingFeatures(
  features: WorkbookHost["features"],
): (typeof MISSING_FEATURE_TEXT)[keyof typeof MISSING_FEATURE_TEXT][] {
  if (features === undefined) return [];
  return (Object.keys(MISSING_FEATURE_TEXT) as (keyof typeof MISSING_FEATURE_TEXT)[])
    .filter((f) => !features[f])
    .map((f) => MISSING_FEATURE_TEXT[f]);
}

export interface SettingsPanelProps {
  settings: UserSettings;
  onSave(settings: UserSettings): void;
  run(): Promise<Analysis | undefined>;
}

export function SettingsPanel({ settings, onSave, run }: SettingsPanelProps) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { t, locale } = useLocale();
  const { host } = useServices();
  const [apiUrl, setApiUrl] = useState(settings.apiUrl);
  const [language, setLanguage] = useState<Locale | "auto">(settings.language ?? "auto");
  const [planId, setPlanId] = useState("");
  // The note keeps how to say it, not the words: "Settings saved." must follow the language the
  // save just switched to, so it is rendered with the current translator.
  type Say = (t: Translate, locale: Locale) => string;
  const [note, setNote] = useState<{ intent: "success" | "error" | "info"; say: Say } | undefined>(undefined);

  useEffect(() => {
    host
      .readSyncState()
      .then((s) => setPlanId(s?.planId ?? ""))
      .catch(() => setPlanId(""));
  }, [host]);

  const attempt = async (action: () => Promise<Say>) => {
    try {
      setNote({ intent: "success", say: await action() });
    } catch (e) {
      setNote({ intent: "error", say: (tr, l) => errorText(e, tr, l) });
    }
  };

  const save = () =>
    attempt(async () => {
      const plan = planId.trim();
      const state = await host.readSyncState();
      if (plan !== "" && state?.planId !== plan) {
        // A different plan: the versions known for the old one mean nothing there.
        await host.writeSyncState({
          planId: plan,
          rows: {},
          ...(apiUrl.trim() ? { apiUrl: apiUrl.trim() } : {}),
        });
      }
      // After the workbook write, so panels that re-read the binding find the new plan.
      // Settings saved elsewhere (the Overview's board-meeting date) are kept.
      const { language: _previous, ...kept } = settings;
      onSave(language === "auto" ? { ...kept, apiUrl: apiUrl.trim() } : { ...kept, apiUrl: apiUrl.trim(), language });
      return (tr) => tr("settings.saved");
    });

  const installNames = () =>
    attempt(async () => {
      const { names, conflicts } = await host.defineLambdaNames();
      return (tr) => {
        const done = names.length > 0 ? tr("settings.lambdas-done", { names: names.join(", ") }) : "";
        const kept =
          conflicts.length > 0 ? tr("settings.lambdas-conflicts", { names: conflicts.join(", ") }) : "";
        return [done, kept].filter(Boolean).join(" ");
      };
    });

  const assignCodes = () =>
    attempt(async () => {
      const analysis = await run();
      const writes = analysis === undefined ? [] : assignCodeWrites(analysis);
      if (writes.length === 0) return (tr) => tr("settings.codes-none");
      await host.writeCells(writes);
      await run();
      return (tr) => tr("validate.codes-written", { count: writes.length });
    });

  return (
    <div className={panel.page}>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label={t("settings.api")} hint={t("settings.api-hint")}>
          <Input
            type="url"
            value={apiUrl}
            onChange={(_, d) => setApiUrl(d.value)}
            data-testid="settings-api"
          />
        </Field>
        <Field label={t("settings.plan")} hint={t("settings.plan-hint")}>
          <Input value={planId} onChange={(_, d) => setPlanId(d.value)} data-testid="settings-plan" />
        </Field>
        <Field label={t("settings.language")}>
          <Select
            value={language}
            onChange={(_, d) => setLanguage(isLocale(d.value) ? d.value : "auto")}
            data-testid="settings-language"
          >
            <option value="auto">{t("settings.language.auto")}</option>
            <option value="it">{t("settings.language.it")}</option>
            <option value="en">{t("settings.language.en")}</option>
          </Select>
        </Field>
        <div>
          <Button appearance="primary" type="submit" data-testid="settings-save">
            {t("settings.save")}
          </Button>
        </div>
      </form>
      <HintedAction
        label={t("settings.lambdas")}
        hint={t("settings.lambdas-hint")}
        testId="install-names"
        onClick={() => void installNames()}
      />
      <HintedAction
        label={t("settings.codes")}
        hint={t("settings.codes-hint")}
        testId="assign-codes"
        onClick={() => void assignCodes()}
      />
      {missingFeatures(host.features).length > 0 && (
        <section className={styles.notes} aria-label={t("settings.excel")} data-testid="settings-excel">
          <h3 className={panel.subheading}>{t("settings.excel")}</h3>
          {missingFeatures(host.features).map((key) => (
            <MessageBar
              key={key}
              intent="info"
              layout="multiline"
              data-testid="settings-feature-missing"
              data-feature={key}
            >
              <MessageBarBody>{t(key)}</MessageBarBody>
            </MessageBar>
          ))}
        </section>
      )}
      {note !== undefined && (
        <MessageBar intent={note.intent} data-testid="settings-message">
          <MessageBarBody>{note.say(t, locale)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
