/** The block `npm start` prints once everything answers (tests parse the labelled lines, in either language). */
import { formatDateTime } from "#core/i18n/formats.ts";
import { lookup } from "#core/i18n/catalogue.ts";
import type { TemplateParams } from "#core/i18n/template.ts";
import type { Locale } from "#core/snapshot/types.ts";
import type { DevTls } from "./certs.ts";
import type { BuildOutcome } from "./dist.ts";
import { READY_MESSAGES, type ReadyMessage } from "./ready-messages.ts";

export interface ReadyFacts {
  seconds: number;
  webUrl: string;
  apiUrl: string;
  plan: string;
  user: string;
  token: string;
  /** Where DynamoDB Local keeps the data: a folder, or none (in memory). */
  data: { persistent?: string };
  /** The sample workbook, and how many rows were imported (none: the plan was already there). */
  sample: { path: string; imported?: number };
  build: BuildOutcome;
  tls: DevTls;
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

/** How the dev server is secured, in words. */
function tlsText(tls: DevTls, say: Say): string {
  if (tls.kind === "office-addin-dev-certs") return say("tls.office");
  if (tls.kind === "self-signed") return say("tls.self-signed", { path: tls.certPath });
  return tls.opensslError === undefined ? say("tls.http") : say("tls.no-openssl", { detail: tls.opensslError });
}

/** What the start did to dist/, in words. */
function buildText(build: BuildOutcome, say: Say): string {
  if (!build.built) return say("build.current");
  const reason = "missing" in build.reason ? say("build.missing", { file: build.reason.missing }) : say("build.changed");
  return say("build.built", { dir: build.dir, reason, seconds: build.seconds.toFixed(1) });
}

type Say = (key: ReadyMessage, params?: TemplateParams) => string;

/** The ready block in the person's language; each labelled line is "  <label>: <value>", aligned. */
export function readyText(f: ReadyFacts): string {
  const lang = f.lang ?? "it";
  const say: Say = (key, params = {}) => lookup(READY_MESSAGES, key, lang, params);
  const data = f.data.persistent === undefined ? say("data.memory") : say("data.persistent", { path: f.data.persistent });
  const sample =
    f.sample.imported === undefined
      ? say("sample.present", { path: f.sample.path })
      : say("sample.imported", { path: f.sample.path, count: f.sample.imported });
  const rows: [ReadyMessage, string][] = [
    ["label.preview", previewUrl(f, lang)],
    ["label.addin", say("addin", { url: f.webUrl })],
    ["label.api", say("api", { api: f.apiUrl, web: f.webUrl })],
    ["label.plan", say("plan", { plan: f.plan, user: f.user })],
    ["label.token", f.token],
    ["label.data", data],
    ["label.sample", sample],
    ["label.build", buildText(f.build, say)],
    ["label.tls", tlsText(f.tls, say)],
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
