/**
 * The one template language of every it/en catalogue (core issues, task pane, CLI, API, nightly,
 * custom functions): `{name}` fills a parameter, and a small subset of ICU MessageFormat picks a
 * plural form with `Intl.PluralRules`:
 *
 *     "{errors, plural, one {# errore} other {# errori}}"
 *
 * `#` inside a plural branch is the count, written with `Intl.NumberFormat` in the locale; `=0`
 * (any `=n`) matches an exact count before the plural category. No apostrophe escapes: our
 * catalogues never need a literal brace.
 */
import type { Locale } from "#core/snapshot/types.ts";
import { localeTag } from "./locale-tag.ts";

/** Values a message template may name. */
export type TemplateParams = Readonly<Record<string, string | number | undefined>>;

type Node =
  | string
  | { kind: "arg"; name: string }
  | { kind: "count" }
  | { kind: "plural"; name: string; branches: ReadonlyMap<string, Node[]> };

/** A template the parser refused, with the offset where it stopped. */
export class TemplateSyntaxError extends Error {
  override readonly name = "TemplateSyntaxError";
  constructor(
    readonly template: string,
    readonly offset: number,
  ) {
    super(`template syntax error at ${offset}: ${template}`);
  }
}

const ARG = /^\{(\w+)\}/;
const PLURAL_HEAD = /^\{(\w+)\s*,\s*plural\s*,/;
const SELECTOR = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/;

/** Parses until the end (depth 0) or the `}` closing a plural branch (depth > 0). */
function parseNodes(src: string, start: number, inBranch: boolean): [Node[], number] {
  const nodes: Node[] = [];
  let text = "";
  let i = start;
  const flush = (): void => {
    if (text !== "") nodes.push(text);
    text = "";
  };
  while (i < src.length) {
    const c = src[i];
    if (c === "}") {
      if (inBranch) break;
      throw new TemplateSyntaxError(src, i);
    }
    if (c === "#" && inBranch) {
      flush();
      nodes.push({ kind: "count" });
      i++;
      continue;
    }
    if (c === "{") {
      const rest = src.slice(i);
      const arg = ARG.exec(rest);
      if (arg) {
        flush();
        nodes.push({ kind: "arg", name: arg[1] ?? "" });
        i += arg[0].length;
        continue;
      }
      const head = PLURAL_HEAD.exec(rest);
      if (!head) throw new TemplateSyntaxError(src, i);
      flush();
      const [plural, end] = parsePlural(src, i + head[0].length, head[1] ?? "");
      nodes.push(plural);
      i = end;
      continue;
    }
    text += c;
    i++;
  }
  if (inBranch && src[i] !== "}") throw new TemplateSyntaxError(src, i);
  flush();
  return [nodes, i];
}

function parsePlural(src: string, start: number, name: string): [Node, number] {
  const branches = new Map<string, Node[]>();
  let i = start;
  for (;;) {
    const rest = src.slice(i);
    const close = /^\s*\}/.exec(rest);
    if (close) {
      if (!branches.has("other")) throw new TemplateSyntaxError(src, i);
      return [{ kind: "plural", name, branches }, i + close[0].length];
    }
    const sel = SELECTOR.exec(rest);
    if (!sel) throw new TemplateSyntaxError(src, i);
    const [body, end] = parseNodes(src, i + sel[0].length, true);
    branches.set(sel[1] ?? "other", body);
    i = end + 1;
  }
}

const parsed = new Map<string, Node[]>();

/**
 * The parsed form of a template (cached: catalogues are small and fixed).
 * @throws TemplateSyntaxError on an unbalanced brace or a plural without `other`.
 */
function parse(template: string): Node[] {
  let nodes = parsed.get(template);
  if (nodes === undefined) {
    nodes = parseNodes(template, 0, false)[0];
    parsed.set(template, nodes);
  }
  return nodes;
}

/** The syntax error of a template, or undefined when it parses (for catalogue tests). */
export function templateError(template: string): TemplateSyntaxError | undefined {
  try {
    parse(template);
    return undefined;
  } catch (e) {
    if (e instanceof TemplateSyntaxError) return e;
    throw e;
  }
}

/** The parameter names a template uses, plural counts included (for catalogue tests). */
export function templateParams(template: string): Set<string> {
  const out = new Set<string>();
  const walk = (nodes: readonly Node[]): void => {
    for (const n of nodes) {
      if (typeof n === "string" || n.kind === "count") continue;
      out.add(n.name);
      if (n.kind === "plural") for (const b of n.branches.values()) walk(b);
    }
  };
  walk(parse(template));
  return out;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numbers = new Map<Locale, Intl.NumberFormat>();

function pluralOf(n: number, locale: Locale): string {
  let rules = pluralRules.get(locale);
  if (rules === undefined) {
    rules = new Intl.PluralRules(localeTag(locale));
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

function countText(n: number, locale: Locale): string {
  let f = numbers.get(locale);
  if (f === undefined) {
    f = new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 2 });
    numbers.set(locale, f);
  }
  return f.format(n);
}

function render(nodes: readonly Node[], params: TemplateParams, locale: Locale, count: number | undefined): string {
  let out = "";
  for (const n of nodes) {
    if (typeof n === "string") out += n;
    else if (n.kind === "count") out += count === undefined ? "#" : countText(count, locale);
    else if (n.kind === "arg") {
      const v = Object.prototype.hasOwnProperty.call(params, n.name) ? params[n.name] : undefined;
      out += v === undefined ? `{${n.name}}` : String(v);
    } else {
      const raw = Object.prototype.hasOwnProperty.call(params, n.name) ? params[n.name] : undefined;
      const v = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
      if (!Number.isFinite(v)) {
        // A missing count stays visible, as a missing {name} does.
        out += `{${n.name}}`;
        continue;
      }
      const branch = n.branches.get(`=${v}`) ?? n.branches.get(pluralOf(v, locale)) ?? n.branches.get("other") ?? [];
      out += render(branch, params, locale, v);
    }
  }
  return out;
}

/**
 * Fills a template: `{name}` from `params`, plural blocks by `Intl.PluralRules` in `locale`
 * (Italian when not given: it and en share the one/other rule, the locale only writes `#`).
 * A missing parameter stays as `{name}`, so a mistake is visible instead of silently blank; a
 * template that does not parse is returned as written (the catalogue tests catch it first).
 *
 * @example fillTemplate("{n, plural, one {# errore} other {# errori}}", { n: 1 }, "it") // "1 errore"
 */
export function fillTemplate(template: string, params: TemplateParams | undefined, locale: Locale = "it"): string {
  let nodes: Node[];
  try {
    nodes = parse(template);
  } catch {
    return template;
  }
  return render(nodes, params ?? {}, locale, undefined);
}
