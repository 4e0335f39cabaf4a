/**
 * A test page (never shipped): the task pane's push results, with one row of every status and of
 * both resolutions, and a pull preview with one item of every badge, in the pane's theme and
 * padding, in the language of `?lang=`. The badge screenshot test opens it at the pane's narrowest width.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, tokens, webLightTheme } from "@fluentui/react-components";
import { translator } from "#addin/i18n/strings.ts";
import { isLocale } from "#addin/i18n/locale.ts";
import { LocaleContext } from "#addin/taskpane/hooks/contexts.ts";
import { PushResults } from "#addin/taskpane/sync/PushResults.tsx";
import { PullPreviewView } from "#addin/taskpane/sync/PullPreviewView.tsx";
import type { PullItem } from "#addin/taskpane/sync/pull.ts";
import type { Change } from "#core/sync/protocol.ts";
import type { ShownResult } from "#addin/taskpane/sync/resolved-results.ts";

const RESULTS: ShownResult[] = [
  { entity: "project", key: "DGH", status: "conflict" },
  { entity: "budget", key: "CLUSTER-2020|goods-services|2021|Università di Bologna", status: "invalid" },
  { entity: "line", key: "5.1", status: "applied", version: 2 },
  { entity: "priority", key: "5", status: "unchanged", version: 1 },
  // Conflicts resolved after the push: the longest badges of the table.
  { entity: "budget", key: "CLUSTER-2020|personnel|2022|Università di Bologna", status: "applied", version: 4, resolved: "mine" },
  { entity: "project", key: "TWIN-CARE", status: "applied", version: 3, resolved: "cloud" },
];

/** A cloud change with long names, so each heading line wraps at 320 px around its badge. */
function change(key: string, deleted = false): Change {
  return {
    entity: "budget",
    key,
    version: 12,
    values: {},
    deleted,
    updatedAt: "2026-12-01T10:00:00Z",
    updatedBy: "anna.bianchi@clust-er.example",
    source: "addin",
  };
}

const PULL_ITEMS: PullItem[] = [
  {
    change: change("CLUSTER-2020|goods-services|2021|Università di Bologna"),
    fields: [],
    isNew: true,
    locallyChanged: false,
  },
  {
    change: change("CLUSTER-2020|personnel|2022|Università di Bologna", true),
    fields: [],
    isNew: false,
    locallyChanged: false,
  },
  {
    change: change("CLUSTER-2020|travel|2023|Università di Parma"),
    fields: [],
    isNew: false,
    locallyChanged: true,
    unbased: true,
  },
  {
    change: change("CLUSTER-2020|equipment|2024|Università di Ferrara"),
    fields: [],
    isNew: false,
    locallyChanged: true,
  },
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
          <PullPreviewView
            preview={{ items: PULL_ITEMS, cursor: "0" }}
            disabled={false}
            onApply={() => undefined}
            onCancel={() => undefined}
          />
        </div>
      </LocaleContext.Provider>
    </FluentProvider>,
  );
