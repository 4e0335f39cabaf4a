/** The block `npm start` prints once everything answers (tests parse the labelled lines). */
import { formatDateTime } from "#core/i18n/formats.ts";
import type { Locale } from "#core/snapshot/types.ts";

export interface ReadyFacts {
  seconds: number;
  webUrl: string;
  apiUrl: string;
  plan: string;
  user: string;
  token: string;
  data: string;
  sample: string;
  build: string;
  tls: string;
  workbooks: string;
  nextNightly: Date;
  /** The language the preview opens in and the next run is written in (LC_ALL/LANG, else it). */
  lang?: Locale;
}

/** The preview page with the API, token, plan and user filled in. */
export function previewUrl(f: Pick<ReadyFacts, "webUrl" | "apiUrl" | "token" | "plan" | "user">, lang = "it"): string {
  const q = new URLSearchParams({ api: f.apiUrl, token: f.token, plan: f.plan, user: f.user, lang });
  return `${f.webUrl}/preview.html?${q.toString()}`;
}

/** The next nightly run in the person's language, in this machine's time zone (the job's clock). */
function nextRun(f: ReadyFacts): string {
  return formatDateTime(f.nextNightly, f.lang ?? "it", Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** The ready block; the labels stay English (tests and scripts parse them), the date is localised. */
export function readyText(f: ReadyFacts): string {
  return [
    `Action Plan for Excel is ready (${f.seconds.toFixed(1)} s).`,
    `  Preview:   ${previewUrl(f, f.lang ?? "it")}`,
    `  Add-in:    ${f.webUrl}/taskpane.html (manifest.xml points at https://localhost:3000)`,
    `  API:       ${f.apiUrl} (the add-in uses it as ${f.webUrl}/api, with dev tokens from ${f.webUrl}/api/dev/token?user=<id>)`,
    `  Plan:      ${f.plan} (dev user ${f.user}, admin)`,
    `  Token:     ${f.token}`,
    `  Data:      ${f.data}`,
    `  Sample:    ${f.sample}`,
    `  Build:     ${f.build}`,
    `  TLS:       ${f.tls}`,
    `  Nightly:   ${f.workbooks}/ every day at 03:30 local time (next ${nextRun(f)}); run it now: npm run nightly`,
    `  Excel desktop: npm run sideload in a second terminal — runs npx --yes office-addin-debugging start manifest.xml desktop`,
    `                 (fetched on demand, not a dependency: it builds the native keytar module).`,
    `  Excel on the web: open a workbook, Insert → Add-ins → Upload My Add-in, choose manifest.xml.`,
    `Ctrl-C stops everything.`,
  ].join("\n");
}
