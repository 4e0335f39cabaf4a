/**
 * The task pane: one FluentProvider (following the Office theme), the UI language (Office's display
 * language unless overridden) and four tabs. The workbook is analysed once per run and the result
 * shared by every tab. Tabs stay mounted (hidden) so a pending pull or conflict survives a tab switch.
 */
import { useCallback, useMemo, useState } from "react";
import type { ReactNode } from "react";
import {
  FluentProvider,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { Issue } from "#core/validate/issue.ts";
import { resolveLocale } from "#addin/i18n/locale.ts";
import { translator } from "#addin/i18n/strings.ts";
import { LocaleContext, ServicesContext } from "./hooks/contexts.ts";
import { useAnalysis } from "./hooks/useAnalysis.ts";
import { useCoauthors } from "./hooks/useCoauthors.ts";
import { CoauthorNotice } from "./CoauthorNotice.tsx";
import type { TaskpaneServices, UserSettings } from "./services.ts";
import { ValidatePanel } from "./validate/ValidatePanel.tsx";
import { OverviewPanel } from "./overview/OverviewPanel.tsx";
import { SyncPanel } from "./sync/SyncPanel.tsx";
import { SettingsPanel } from "./settings/SettingsPanel.tsx";
import { toA1 } from "#core/values/index.ts";

const useStyles = makeStyles({
  root: {
    minHeight: "100%",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  tabs: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, flexShrink: 0 },
  panel: { padding: tokens.spacingHorizontalM, overflowY: "auto", flexGrow: 1 },
});

type TabId = "validate" | "overview" | "sync" | "settings";
const TABS: readonly TabId[] = ["validate", "overview", "sync", "settings"];

export interface AppProps {
  services: TaskpaneServices;
  /** The tab shown first (the preview page can open any). */
  initialTab?: TabId;
}

function AppBody({ services, initialTab }: AppProps) {
  const styles = useStyles();
  const [settings, setSettings] = useState<UserSettings>(() => services.settings.load());
  const [tab, setTab] = useState<TabId>(initialTab ?? "validate");
  const [highlight, setHighlight] = useState(true);
  const [auto, setAuto] = useState(true);
  const locale = resolveLocale(settings.language, services.displayLanguage);
  const localeValue = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  const analysis = useAnalysis(services.host, services.today, { auto, highlight });
  const coauthors = useCoauthors(services.host);
  const { t } = localeValue;

  const selectCell = useCallback(
    (sheet: string, cell: string) => {
      services.host.selectCell(sheet, cell).catch(() => undefined);
    },
    [services],
  );
  const selectIssue = useCallback((issue: Issue) => selectCell(issue.sheet, issue.cell), [selectCell]);
  const selectRow = useCallback(
    (sheet: string, row: number) => selectCell(sheet, toA1(row, 1)),
    [selectCell],
  );
  const saveSettings = useCallback(
    (s: UserSettings) => {
      services.settings.save(s);
      setSettings(s);
    },
    [services],
  );

  // Every panel stays mounted; only the shown one is visible (see the file comment).
  const panels: Record<TabId, ReactNode> = {
    validate: (
      <ValidatePanel
        analysis={analysis}
        highlight={highlight}
        onHighlightChange={setHighlight}
        auto={auto}
        onAutoChange={setAuto}
        onSelectIssue={selectIssue}
      />
    ),
    overview: (
      <OverviewPanel
        analysis={analysis.analysis}
        active={tab === "overview"}
        onRun={() => void analysis.run()}
        onSelectRow={selectRow}
        settings={settings}
        onSaveSettings={saveSettings}
      />
    ),
    sync: (
      <SyncPanel key={settings.apiUrl} run={analysis.run} active={tab === "sync"} onSelectCell={selectCell} />
    ),
    settings: <SettingsPanel settings={settings} onSave={saveSettings} run={analysis.run} />,
  };

  return (
    <ServicesContext.Provider value={services}>
      <LocaleContext.Provider value={localeValue}>
        <div className={styles.root} lang={locale} data-testid="taskpane" data-locale={locale}>
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_, d) => setTab(d.value as TabId)}
            aria-label={t("tabs.label")}
            size="small"
          >
            {TABS.map((id) => (
              <Tab
                key={id}
                value={id}
                id={`tab-${id}`}
                aria-controls={`panel-${id}`}
                data-testid={`tab-${id}`}
              >
                {t(`tab.${id}`)}
              </Tab>
            ))}
          </TabList>
          <CoauthorNotice news={coauthors.news} onDismiss={coauthors.dismiss} />
          {TABS.map((id) => (
            <div
              key={id}
              role="tabpanel"
              id={`panel-${id}`}
              aria-labelledby={`tab-${id}`}
              hidden={tab !== id}
              className={styles.panel}
            >
              {panels[id]}
            </div>
          ))}
        </div>
      </LocaleContext.Provider>
    </ServicesContext.Provider>
  );
}

/** The task pane root. */
export function App({ services, initialTab }: AppProps) {
  return (
    <FluentProvider
      theme={services.theme === "dark" ? webDarkTheme : webLightTheme}
      style={{ height: "100%" }}
    >
      <AppBody services={services} {...(initialTab ? { initialTab } : {})} />
    </FluentProvider>
  );
}
