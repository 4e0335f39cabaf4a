/**
 * The one message system (issue #15): every catalogue, whatever area keeps it, has both
 * languages for every key, the same parameters in both, and templates that parse; and no
 * user-facing module assembles a sentence outside a catalogue.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { CatalogueEntry } from "#core/i18n/catalogue.ts";
import { MESSAGES as ISSUES } from "#core/i18n/messages.ts";
import { fillTemplate, templateError, templateParams } from "#core/i18n/template.ts";
import {
  COST_CATEGORY_WORDS,
  ENTITY_LABELS,
  ENTITY_WORDS,
  MILESTONE_WORDS,
  NOT_AVAILABLE,
  OUTCOME_WORDS,
  RUN_STATUS_WORDS,
  SYNC_STATUS_WORDS,
} from "#core/i18n/vocabulary.ts";
import { STRINGS as PANE } from "#addin/i18n/strings.ts";
import { EVIDENCE_TEXT, TEXT as FUNCTIONS } from "#addin/functions/messages.ts";
import { STRINGS as CLI } from "#cli/strings.ts";
import { MESSAGES as API } from "#functions/messages.ts";
import { MESSAGES as NIGHTLY } from "#functions/nightly/messages.ts";
import { REPO_ROOT } from "#tests/cli/helpers.ts";
import { READY_MESSAGES as READY } from "../../dev/ready-messages.ts";
import { START_MESSAGES as START } from "../../dev/messages.ts";

const CATALOGUES: Record<string, Readonly<Record<string, CatalogueEntry>>> = {
  "core issues": ISSUES,
  "core outcome words": OUTCOME_WORDS,
  "core cost category words": COST_CATEGORY_WORDS,
  "core entity words": ENTITY_WORDS,
  "core entity labels": ENTITY_LABELS,
  "core sync status words": SYNC_STATUS_WORDS,
  "core run status words": RUN_STATUS_WORDS,
  "core milestone words": Object.fromEntries(MILESTONE_WORDS.map((w, i) => [String(i + 1), w])),
  "core not available": { "n/a": NOT_AVAILABLE },
  "task pane": PANE,
  "custom functions": FUNCTIONS,
  "custom function evidence": EVIDENCE_TEXT,
  CLI,
  API,
  nightly: NIGHTLY,
  "npm start ready block": READY,
  "npm start and npm run nightly": START,
};

const ENTRIES = Object.entries(CATALOGUES).flatMap(([name, catalogue]) =>
  Object.entries(catalogue).map(([key, entry]) => [name, key, entry] as const),
);

describe("every catalogue", () => {
  it("holds entries from every area", () => {
    expect(ENTRIES.length).toBeGreaterThan(300);
  });

  it.each(ENTRIES)("%s %s: both languages, parsing, with the same parameters", (_name, _key, entry) => {
    expect(entry.it.trim()).not.toBe("");
    expect(entry.en.trim()).not.toBe("");
    expect(templateError(entry.it)).toBeUndefined();
    expect(templateError(entry.en)).toBeUndefined();
    expect([...templateParams(entry.it)].sort()).toEqual([...templateParams(entry.en)].sort());
  });
});

/**
 * Nouns that take a plural: a sentence rendered with every parameter at 1 never says "1 righe" or
 * "1 rows" (issue #15: "1 errori", "1 righe scritte", "1 warnings", "1 rows edited").
 */
const PLURAL_NOUNS =
  /(?<![\d.,])1 (?:\p{L}+ )?(?:righe|errori|avvisi|problemi|conflitti|versioni|progetti|linee|priorità|eliminazioni|modifiche|rows|errors|warnings|problems|conflicts|versions|projects|lines|priorities|deletions|changes)\b/u;

describe("counts are said through plural rules", () => {
  it("finds a noun left in the plural after 1 (the scan works)", () => {
    expect(fillTemplate("{count} righe scritte", { count: 1 }, "it")).toMatch(PLURAL_NOUNS);
    expect(fillTemplate("… {count} more rows", { count: 1 }, "en")).toMatch(PLURAL_NOUNS);
    expect(fillTemplate("{count, plural, one {# riga} other {# righe}}", { count: 1 }, "it")).not.toMatch(PLURAL_NOUNS);
  });

  it.each(ENTRIES)("%s %s says 1 in the singular", (_name, _key, entry) => {
    for (const locale of ["it", "en"] as const) {
      const template = entry[locale];
      const ones = Object.fromEntries([...templateParams(template)].map((p) => [p, 1]));
      // A "1 errori" written in the template itself is no count (an exit code: "1 errori trovati").
      const said = [...fillTemplate(template, ones, locale).matchAll(new RegExp(PLURAL_NOUNS, "gu"))].map((m) => m[0]);
      expect(said.filter((words) => !template.includes(words))).toEqual([]);
    }
  });
});

/** The modules whose strings reach people. Catalogues are where words live; these only assemble. */
const USER_FACING = ["cli", "addin/taskpane", "addin/functions", "functions/nightly", "functions/http", "dev"];
/** Files that are catalogues themselves (words are their content). */
// addin/functions/metadata-it.ts is the Italian catalogue of the custom functions' descriptions.
const CATALOGUE_FILES = new Set([
  "addin/functions/metadata-it.ts",
  "cli/strings.ts",
  "functions/messages.ts",
  "functions/nightly/messages.ts",
  "addin/functions/messages.ts",
  "dev/ready-messages.ts",
  "dev/messages.ts",
]);

function sources(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(REPO_ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/**
 * Literals that read as a sentence: three or more words once `${…}` interpolations, catalogue
 * entries (`it:` / `en:`), comments and developer errors (`new Error(…)`) are taken out.
 */
export function sentencesOutsideCatalogues(source: string): string[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:])\/\/.*$/gm, "$1")
    .replace(/\b(it|en)\s*:\s*(["'`])(?:\\.|(?!\2)[\s\S])*?\2/g, "")
    .replace(/new (?:Range|Type)?Error\((["'`])(?:\\.|(?!\1)[\s\S])*?\1/g, "");
  const found: string[] = [];
  for (const m of code.matchAll(/(["'`])((?:\\.|(?!\1)[^\\\n])*)\1/g)) {
    const text = (m[2] ?? "").replace(/\$\{[^}]*\}/g, " ");
    if (/[<>|]|--|^\s*[.#@/]/.test(text)) continue; // options, selectors, paths: not prose
    const words = text.match(/(?<![\w-])[A-Za-zÀ-ÿ]{3,}(?![\w-])/g) ?? [];
    if (words.length >= 3 && /\S\s+\S.*\s+\S/.test(text) && !/^[\w.-]+\/[\w.]+;/.test(text)) found.push(m[2] ?? "");
  }
  return found;
}

describe("no sentence is assembled outside the catalogues", () => {
  const files = USER_FACING.flatMap(sources).filter((f) => !CATALOGUE_FILES.has(relative(".", f)));

  it("finds the sentences a module would assemble by hand (the scan works)", () => {
    expect(sentencesOutsideCatalogues('io.stdout(`${n} righe scritte nel foglio`);')).toEqual(["${n} righe scritte nel foglio"]);
    expect(sentencesOutsideCatalogues('const x = { it: "tre parole qui", en: "three words here" };')).toEqual([]);
    expect(sentencesOutsideCatalogues('throw new Error("a developer message here");')).toEqual([]);
  });

  it.each(files)("%s", (file) => {
    const found = sentencesOutsideCatalogues(readFileSync(join(REPO_ROOT, file), "utf8"));
    expect(found).toEqual(ALLOWED[file] ?? []);
  });
});

/**
 * Literals that look like prose but are not sentences assembled for people: data (a plan's name),
 * log lines, the deploy-time errors of the Graph credential (read by the operator in the Lambda's
 * log), and the HTTP client's size error (the Graph source reports it as a catalogue detail,
 * `detail.response-too-large`). A new entry needs a reason; a new sentence belongs in a catalogue.
 */
const ALLOWED: Record<string, string[]> = {
  "cli/commands/serve.ts": ["Clust-ER Health Action Plan 2025"],
  "dev/start.ts": ["Clust-ER Health Action Plan 2025"],
  "addin/taskpane/office-services.ts": ["this build carries no Entra ID settings (npm run release)"],
  "functions/nightly/graph-credential.ts": [
    "the Graph credential secret is not JSON",
    "the Graph credential secret needs clientId and clientSecret",
    "the Graph credential secret still holds the deploy-time placeholder (see infra/README.md)",
  ],
  "functions/nightly/http-request.ts": ["response larger than ${options.maxBytes} bytes"],
  "functions/nightly/registry.ts": ["a relative .xlsx path", "a path inside the workbooks folder"],
  "functions/nightly/run-job.ts": ["nightly run started", "nightly run finished"],
  "functions/http/request.ts": ["expected 1-64 letters, digits, '.', '_' or '-'"],
};
