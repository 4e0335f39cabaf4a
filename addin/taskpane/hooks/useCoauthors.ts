/**
 * What coauthors did to the workbook while this pane was open (co-authoring with AutoSave,
 * issue #18): the latest data change (sheet and cells) and whether they synced (their change to
 * the sync sheet). The pane shows it so a person knows the rows in front of them moved.
 */
import { useEffect, useState } from "react";
import { SYNC_SHEET_NAME } from "#core/sync/sync-sheet.ts";
import type { CoauthorChange, WorkbookHost } from "../services.ts";

export interface CoauthorNews {
  /** Data cells a coauthor changed, by sheet (addresses in arrival order, at most a few). */
  changed: { sheet: string; cells: string[] } | undefined;
  /** A coauthor wrote the sync sheet (pushed or pulled). */
  synced: boolean;
}

const MAX_ADDRESSES = 3;

/** Folds one merged change into the news. */
export function withCoauthorChange(news: CoauthorNews, change: CoauthorChange): CoauthorNews {
  if (change.internal) {
    const isSync = change.sheet?.toLowerCase() === SYNC_SHEET_NAME.toLowerCase();
    return isSync ? { ...news, synced: true } : news;
  }
  const sheet = change.sheet ?? "?";
  const same = news.changed?.sheet === sheet ? news.changed.cells : [];
  const cells = same.includes(change.address) ? same : [...same, change.address].slice(-MAX_ADDRESSES);
  return { ...news, changed: { sheet, cells } };
}

export const NO_NEWS: CoauthorNews = { changed: undefined, synced: false };

export function useCoauthors(host: WorkbookHost): { news: CoauthorNews; dismiss(): void } {
  const [news, setNews] = useState<CoauthorNews>(NO_NEWS);
  useEffect(
    () =>
      host.onChanged(
        () => undefined,
        (change) => setNews((n) => withCoauthorChange(n, change)),
      ),
    [host],
  );
  return { news, dismiss: () => setNews(NO_NEWS) };
}
