/** The block `npm start` prints once everything answers (tests parse the labelled lines, in either language). */
import { formatDateTime } from "#core/i18n/formats.ts";
import { lookup } from "#core/i18n/catalogue.ts";
import type { TemplateParams } from "#core/i18n/template.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { READY_MESSAGES, type ReadyMessage } from "./ready-messages.ts";

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
export function previewUrl(
  f: Pick<ReadyFacts, "webUrl" | "apiUrl" | "token" | "plan" | "user">,
  lang = "it",
): string {
  const q = new URLSearchParams({ api: f.apiUrl, token: f.token, plan: f.plan, user: f.user, lang });
  return `${f.webUrl}/preview.html?${q.toString()}`;
}

/** The next nightly run in the person's language, in this machine's time zone (the job's clock). */
function nextRun(f: ReadyFacts): string {
  return formatDateTime(f.nextNightly, f.lang ?? "it", Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** The ready block in the person's language; each labelled line is "  <label>: <value>", aligned. */
export function readyText(f: ReadyFacts): string {
  const lang = f.lang ?? "it";
  const say = (key: ReadyMessage, params: TemplateParams = {}): string =>
    lookup(READY_MESSAGES, key, lang, params);
  const rows: [ReadyMessage, string][] = [
    ["label.preview", previewUrl(f, lang)],
    ["label.addin", say("addin", { url: f.webUrl })],
    ["label.api", say("api", { api: f.apiUrl, web: f.webUrl })],
    ["label.plan", say("plan", { plan: f.plan, user: f.user })],
    ["label.token", f.token],
    ["label.data", f.data],
    ["label.sample", f.sample],
    ["label.build", f.build],
    ["label.tls", f.tls],
    ["label.nightly", say("nightly", { folder: f.workbooks, next: nextRun(f) })],
  ];
  const width = Math.max(...rows.map(([label]) => say(label).length)) + 2;
  return [
    say("ready", { seconds: f.seconds.toFixed(1) }),
    ...rows.map(([label, value]) => `  ${`${say(label)}:`.padEnd(width)} ${value}`),
    say("desktop"),
    say("web"),
    say("stop"),
  ].join("\n");
}
