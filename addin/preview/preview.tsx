/**
 * The preview page: the real task pane beside the in-memory Excel host rendering a seed workbook
 * as an editable grid, so someone without Excel can validate, see `=CLUSTER.PRL()` results, sync
 * and resolve a conflict in a browser. Query parameters: see `params.ts`.
 */
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import type { ExcelRun } from "#addin/excel/api.ts";
import { devTokenSource } from "#addin/auth/dev-token.ts";
import { staticTokenSource } from "#addin/auth/static-token.ts";
import { App } from "#addin/taskpane/App.tsx";
import { hostFromAdapter } from "#addin/taskpane/excel-host.ts";
import { memorySettings } from "#addin/taskpane/settings/settings-store.ts";
import type { TaskpaneServices } from "#addin/taskpane/services.ts";
import { createFakeExcel } from "#addin/memory-host/host.ts";
import type { FakeExcelHost } from "#addin/memory-host/host.ts";
import { HOST_PROFILES } from "#addin/memory-host/profile.ts";
import { clusterToday } from "#core/i18n/formats.ts";
import type { CellValue } from "#core/snapshot/types.ts";
import { localeFromLanguageTag } from "#addin/i18n/locale.ts";
import { translator } from "#addin/i18n/strings.ts";
import type { Translate } from "#addin/i18n/strings.ts";
import { Grid } from "./Grid.tsx";
import { parsePreviewParams } from "./params.ts";
import type { PreviewParams } from "./params.ts";
import { previewWorkbook } from "./seeds.ts";
import { broadcastTransport, idSeries } from "./coauthor-channel.ts";

const useStyles = makeStyles({
  page: { display: "flex", height: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  grid: { flexGrow: 1, minWidth: 0, backgroundColor: tokens.colorNeutralBackground1 },
  pane: {
    width: "380px",
    flexShrink: 0,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    overflow: "auto",
  },
});

/** What tests reach through `window.__preview` (read cells, play edits). */
export interface PreviewHandle {
  fake: FakeExcelHost;
  value(sheet: string, a1: string): CellValue | undefined;
  edit(sheet: string, a1: string, value: CellValue): Promise<void>;
  ready: boolean;
  /** `performance.now()` when the page (grid and task pane) first committed to the DOM. */
  firstRenderMs?: number;
}

declare global {
  interface Window {
    __preview?: PreviewHandle;
  }
}

/**
 * A change counter bumped after every batch and edit, so the grid re-renders. Bumps are coalesced
 * to one per animation frame: a validate makes several round trips and the grid needs one render.
 */
function observe(fake: FakeExcelHost): {
  run: ExcelRun;
  subscribe(fn: () => void): () => void;
  bump(): void;
} {
  const listeners = new Set<() => void>();
  let scheduled = false;
  const bump = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      listeners.forEach((fn) => fn());
    });
  };
  const run = (async (batch: Parameters<ExcelRun>[0]) => {
    try {
      return await fake.run(batch as unknown as Parameters<FakeExcelHost["run"]>[0]);
    } finally {
      bump();
    }
  }) as ExcelRun;
  return { run, subscribe: (fn) => (listeners.add(fn), () => listeners.delete(fn)), bump };
}

function services(
  params: PreviewParams,
  run: ExcelRun,
  supports: FakeExcelHost["requirements"]["isSetSupported"],
): { services: TaskpaneServices; adapter: ExcelAdapter } {
  const adapter = new ExcelAdapter({ run, supports, ...(params.coauthor === undefined ? {} : { author: params.coauthor }) });
  const auth =
    params.token !== undefined
      ? staticTokenSource(params.token, params.user)
      : params.api !== ""
        ? devTokenSource(params.api, params.user)
        : staticTokenSource(undefined);
  return {
    adapter,
    services: {
      host: hostFromAdapter(adapter),
      settings: memorySettings(
        params.lang === undefined ? { apiUrl: params.api } : { apiUrl: params.api, language: params.lang },
      ),
      auth,
      displayLanguage: params.lang ?? navigator.language,
      theme: params.theme,
      today: () => params.today ?? clusterToday(),
    },
  };
}

interface PageProps {
  handle: PreviewHandle;
  t: Translate;
  observed: ReturnType<typeof observe>;
  taskpane: TaskpaneServices;
  tab?: PreviewParams["tab"];
}

function Page({ handle, observed, taskpane, tab, t }: PageProps) {
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  useEffect(() => observed.subscribe(() => setVersion((v) => v + 1)), [observed]);
  useEffect(() => {
    handle.firstRenderMs ??= performance.now();
  }, [handle]);
  return (
    <div className={styles.page}>
      <main className={styles.grid} aria-label={t("preview.workbook")}>
        <Grid fake={handle.fake} version={version} edit={handle.edit} t={t} />
      </main>
      <aside className={styles.pane} aria-label={t("preview.pane")}>
        <App services={taskpane} {...(tab ? { initialTab: tab } : {})} />
      </aside>
    </div>
  );
}

async function main(): Promise<void> {
  const params = parsePreviewParams(window.location.search);
  const fake = createFakeExcel({
    name: `${params.seed}.xlsx`,
    sheets: previewWorkbook(params.seed, params.projects),
    ...(params.host ? { profile: HOST_PROFILES[params.host] } : {}),
  });
  const observed = observe(fake);
  if (params.coauthor !== undefined)
    fake.coauthor(
      params.coauthor,
      broadcastTransport(`actionplan-coauthor-${params.seed}`, params.delayMs ?? 0, observed.bump),
      idSeries(params.coauthor),
    );
  const built = services(params, observed.run, fake.requirements.isSetSupported);
  if (params.plan !== undefined) {
    const state = await built.adapter.readSyncState();
    if (state?.planId !== params.plan)
      await built.adapter.writeSyncState({
        planId: params.plan,
        rows: {},
        ...(params.api ? { apiUrl: params.api } : {}),
      });
  }
  const handle: PreviewHandle = {
    fake,
    value: (sheet, a1) => fake.cell(sheet, a1)?.value,
    async edit(sheet, a1, value) {
      await fake.edit(sheet, a1, value);
      observed.bump();
    },
    ready: false,
  };
  window.__preview = handle;
  const container = document.getElementById("root");
  if (container === null) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Page
        handle={handle}
        t={translator(params.lang ?? localeFromLanguageTag(navigator.language))}
        observed={observed}
        taskpane={built.services}
        {...(params.tab ? { tab: params.tab } : {})}
      />
    </FluentProvider>,
  );
  handle.ready = true;
}

void main();
