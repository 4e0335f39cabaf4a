/**
 * Query parameters of the preview page:
 * `?api=<url>&token=<t>&plan=<id>&lang=it|en&user=<name>&seed=big-data|messy|annual|large&projects=<n>&today=<yyyy-mm-dd>&tab=<tab>&theme=light|dark&host=<profile>&coauthor=<name>&delay=<ms>`
 * (`host`: which Excel the in-memory host plays, a key of `HOST_PROFILES`; default Microsoft 365;
 * `coauthor`: this page is that person's session of a workbook other pages share, co-authoring).
 */
import type { Locale } from "#core/snapshot/types.ts";
import { isLocale } from "#addin/i18n/locale.ts";
import { HOST_PROFILES } from "#addin/memory-host/profile.ts";

export type PreviewHost = keyof typeof HOST_PROFILES;

export type PreviewSeed = "big-data" | "messy" | "annual" | "large";
export type PreviewTab = "validate" | "overview" | "sync" | "settings";

export interface PreviewParams {
  api: string;
  token?: string;
  plan?: string;
  lang?: Locale;
  user: string;
  seed: PreviewSeed;
  /** Projects of the "large" seed. */
  projects: number;
  today?: string;
  tab?: PreviewTab;
  /** The Office theme the task pane follows. */
  theme: "light" | "dark";
  /** The Excel the in-memory host plays (absent: Microsoft 365, every feature). */
  host?: PreviewHost;
  /** Co-authoring: this page's person, sharing the workbook with other pages of the same seed. */
  coauthor?: string;
  /** Co-authoring: how long a coauthor's change takes to arrive (ms; with `coauthor` only). */
  delayMs?: number;
}

const SEEDS: readonly PreviewSeed[] = ["big-data", "messy", "annual", "large"];
const TABS: readonly PreviewTab[] = ["validate", "overview", "sync", "settings"];
const MAX_PROJECTS = 50_000;

/** Reads the page's query string; unknown or malformed values fall back to defaults. */
export function parsePreviewParams(search: string): PreviewParams {
  const q = new URLSearchParams(search);
  const text = (k: string): string | undefined => {
    const v = q.get(k)?.trim();
    return v === undefined || v === "" ? undefined : v;
  };
  const seed = text("seed");
  const lang = text("lang");
  const tab = text("tab");
  const projects = Number(text("projects") ?? "10000");
  const today = text("today");
  const out: PreviewParams = {
    api: (text("api") ?? "").replace(/\/+$/, ""),
    user: text("user") ?? "preview",
    seed: SEEDS.includes(seed as PreviewSeed) ? (seed as PreviewSeed) : "big-data",
    projects: Number.isInteger(projects) && projects > 0 ? Math.min(projects, MAX_PROJECTS) : 10_000,
    theme: text("theme") === "dark" ? "dark" : "light",
  };
  const coauthor = text("coauthor");
  if (coauthor !== undefined) {
    out.coauthor = coauthor;
    out.delayMs = Math.min(Math.max(Number(text("delay") ?? "200") || 0, 0), 10_000);
  }
  const token = text("token");
  if (token !== undefined) out.token = token;
  const plan = text("plan");
  if (plan !== undefined) out.plan = plan;
  if (isLocale(lang)) out.lang = lang;
  if (today !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(today)) out.today = today;
  if (TABS.includes(tab as PreviewTab)) out.tab = tab as PreviewTab;
  const host = text("host");
  if (host !== undefined && Object.prototype.hasOwnProperty.call(HOST_PROFILES, host)) out.host = host as PreviewHost;
  return out;
}
