/**
 * functions-help.html: the page each custom function's `helpUrl` opens (Excel shows it from the
 * Insert Function dialog), explaining every CLUSTER function in Italian and in English. Generated
 * from the same source as the metadata: functions.json (the JSDoc tags of functions.ts) for the
 * English texts, names, parameters and result types, `FUNCTIONS_IT` for the Italian ones; the
 * build fails (MetadataError) when an Italian text is missing, as for functions.it.json.
 *
 * Anchors: `#it-<ID>` and `#en-<ID>`; functions.json points at the English one, functions.it.json
 * at the Italian one, both on the add-in's origin (the dev server's, or the release's).
 */
import { FUNCTIONS_IT, type ItalianFunctionText } from "#addin/functions/metadata-it.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { italianFunctionsMetadata } from "./functions-italian.ts";

/** The page's file name in the build output (beside taskpane.html). */
export const FUNCTIONS_HELP_PAGE = "functions-help.html";
/** The namespace Excel shows before each id (manifest.xml: `<Namespace resid="Functions.Namespace"/>`). */
const NAMESPACE = "CLUSTER";

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters?: { name: string; description?: string; optional?: boolean }[];
  result?: { type?: string };
  options?: { stream?: boolean };
}

interface Metadata {
  functions: FunctionMetadata[];
}

const WORDS = {
  title: { it: "Funzioni CLUSTER — Guida", en: "CLUSTER functions — Help" },
  intro: {
    it: "Le funzioni dell'Action Plan per Excel, con i loro argomenti. Le funzioni PRL, PRLNEXT e BUDGET si aggiornano da sole quando il piano cambia.",
    en: "The Action Plan for Excel functions and their arguments. PRL, PRLNEXT and BUDGET update by themselves when the plan changes.",
  },
  syntax: { it: "Sintassi", en: "Syntax" },
  parameters: { it: "Argomenti", en: "Arguments" },
  optional: { it: "facoltativo", en: "optional" },
  returns: { it: "Restituisce", en: "Returns" },
  number: { it: "un numero", en: "a number" },
  string: { it: "un testo", en: "a text" },
  boolean: { it: "VERO o FALSO", en: "TRUE or FALSE" },
  any: { it: "un valore", en: "a value" },
  other: { it: "In English", en: "In italiano" },
} as const satisfies Record<string, Record<Locale, string>>;

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** `#it-PRL` / `#en-PRL`. */
export function helpAnchor(id: string, locale: Locale): string {
  return `${locale}-${id}`;
}

/** The metadata text with each function's `helpUrl` set to its section of the help page on `origin`. */
export function withHelpUrls(metadataJson: string, origin: string, locale: Locale): string {
  const metadata = JSON.parse(metadataJson) as Metadata;
  const base = origin.replace(/\/+$/, "");
  for (const fn of metadata.functions)
    fn.helpUrl = `${base}/${FUNCTIONS_HELP_PAGE}#${helpAnchor(fn.id, locale)}`;
  return `${JSON.stringify(metadata, null, 4)}\n`;
}

/** One function's section in `locale`, from that language's metadata entry. */
function section(fn: FunctionMetadata, locale: Locale): string {
  const other: Locale = locale === "it" ? "en" : "it";
  const params = fn.parameters ?? [];
  // Italian Excel separates arguments with ";", English Excel with ",".
  const separator = locale === "it" ? "; " : ", ";
  const syntax = `=${NAMESPACE}.${fn.name}(${params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(separator)})`;
  const rows = params
    .map((p) => {
      const optional = p.optional ? ` <em>(${WORDS.optional[locale]})</em>` : "";
      return `          <tr><th scope="row"><code>${escapeHtml(p.name)}</code>${optional}</th><td>${escapeHtml(p.description ?? "")}</td></tr>`;
    })
    .join("\n");
  const resultType = fn.result?.type ?? "any";
  const returns =
    resultType in WORDS
      ? WORDS[resultType as "number" | "string" | "boolean" | "any"][locale]
      : WORDS.any[locale];
  return `      <section id="${helpAnchor(fn.id, locale)}" lang="${locale}">
        <h2>${NAMESPACE}.${escapeHtml(fn.name)}</h2>
        <p>${escapeHtml(fn.description ?? "")}</p>
        <p>${WORDS.syntax[locale]}: <code>${escapeHtml(syntax)}</code></p>
${
  params.length === 0
    ? ""
    : `        <table>
          <caption>${WORDS.parameters[locale]}</caption>
${rows}
        </table>
`
}        <p>${WORDS.returns[locale]}: ${returns}.</p>
        <p><a href="#${helpAnchor(fn.id, other)}" hreflang="${other}">${WORDS.other[locale]}</a></p>
      </section>`;
}

/**
 * The help page for the metadata in `englishJson` (functions.json), Italian first (the staff's
 * language), then English. Fails on any function or parameter without its Italian text.
 */
export function functionsHelpPage(
  englishJson: string,
  texts: Readonly<Record<string, ItalianFunctionText>> = FUNCTIONS_IT,
): string {
  const byLocale: Record<Locale, Metadata> = {
    en: JSON.parse(englishJson) as Metadata,
    // The Italian metadata, as functions.it.json holds it (fails on a missing text).
    it: JSON.parse(italianFunctionsMetadata(englishJson, texts)) as Metadata,
  };
  const part = (locale: Locale) => `    <div lang="${locale}">
      <h1 id="${locale}">${WORDS.title[locale]}</h1>
      <p>${WORDS.intro[locale]}</p>
${byLocale[locale].functions.map((fn) => section(fn, locale)).join("\n")}
    </div>`;
  return `<!doctype html>
<html lang="it">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${WORDS.title.it} / ${WORDS.title.en}</title>
    <style>
      body { font-family: "Segoe UI", system-ui, sans-serif; max-width: 46rem; margin: 1rem auto; padding: 0 1rem; line-height: 1.5; }
      h1 { font-size: 1.4rem; }
      h2 { font-size: 1.1rem; margin-top: 1.5rem; }
      section:target { outline: 2px solid #0f6cbd; outline-offset: 0.5rem; }
      table { border-collapse: collapse; }
      th, td { text-align: left; vertical-align: top; padding: 0.2rem 0.6rem 0.2rem 0; }
      caption { text-align: left; font-weight: 600; }
      div[lang] + div[lang] { border-top: 1px solid #ccc; margin-top: 2rem; }
    </style>
  </head>
  <body>
${part("it")}
${part("en")}
  </body>
</html>
`;
}
