/**
 * A test page (never shipped): the task pane's push results, with one row of every status, in
 * the pane's theme and padding, in the language of `?lang=`. The badge screenshot test opens it
 * at the pane's narrowest width.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, tokens, webLightTheme } from "@fluentui/react-components";
import { translator } from "#addin/i18n/strings.ts";
import { isLocale } from "#addin/i18n/locale.ts";
import { LocaleContext } from "#addin/taskpane/hooks/contexts.ts";
import { PushResults } from "#addin/taskpane/sync/PushResults.tsx";
import type { RowResult } from "#core/sync/protocol.ts";

const RESULTS: RowResult[] = [
  { entity: "project", key: "DGH", status: "conflict" },
  { entity: "budget", key: "CLUSTER-2020|goods-services|2021|Università di Bologna", status: "invalid" },
  { entity: "line", key: "5.1", status: "applied", version: 2 },
  { entity: "priority", key: "5", status: "unchanged", version: 1 },
];

const lang = new URLSearchParams(location.search).get("lang");
const locale = isLocale(lang) ? lang : "it";
const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <LocaleContext.Provider value={{ locale, t: translator(locale) }}>
        <div style={{ padding: tokens.spacingHorizontalM }} data-testid="ready">
          <PushResults results={RESULTS} />
        </div>
      </LocaleContext.Provider>
    </FluentProvider>,
  );
