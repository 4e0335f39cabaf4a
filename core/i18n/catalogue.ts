/**
 * The one catalogue format and lookup of every entry point. A catalogue is a plain object of
 * keys to `{ it, en }` templates (see `template.ts` for `{name}` and plural blocks); each area
 * keeps its own next to its code (core issues, task pane, CLI, API, nightly, custom functions)
 * and reads it through {@link lookup}. `tests/i18n/catalogues.test.ts` checks every registered
 * catalogue: both languages, the same parameters, templates that parse.
 */
import type { Locale } from "#core/snapshot/types.ts";
import { fillTemplate } from "./template.ts";
import type { TemplateParams } from "./template.ts";

/** Italian and English text of one message. */
export type CatalogueEntry = Readonly<Record<Locale, string>>;

/** A catalogue: message key → both languages. */
export type Catalogue = Readonly<Record<string, CatalogueEntry>>;

/**
 * The message `key` of `catalogue` in `locale`, with parameters and plurals filled.
 *
 * @example lookup({ n: { it: "{c, plural, one {# riga} other {# righe}}", en: "…" } }, "n", "it", { c: 1 }) // "1 riga"
 */
export function lookup<C extends Catalogue>(
  catalogue: C,
  key: keyof C & string,
  locale: Locale,
  params?: TemplateParams,
): string {
  const entry = catalogue[key];
  return entry === undefined ? key : fillTemplate(entry[locale], params, locale);
}

/** true when `key` is a key of `catalogue` (for keys built at run time, e.g. `flag.${name}`). */
export function hasKey<C extends Catalogue>(catalogue: C, key: string): key is keyof C & string {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}
