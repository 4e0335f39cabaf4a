/**
 * How a synced row is named to people: priorities, lines and projects by their code; budget rows
 * as the sheet shows them (project · category · year · partner), never the row key
 * `CLUSTER-2020|coordinator||` that sync uses.
 */
import type { EntityKind } from "#core/model.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { displayWord } from "./vocabulary.ts";

/** Values of a budget row that name it better than its key, when the caller has them. */
export interface BudgetRowValues {
  project?: unknown;
  category?: unknown;
  categoryLabel?: unknown;
  year?: unknown;
  partner?: unknown;
}

const SEPARATOR = " · ";

function text(v: unknown): string {
  return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
}

/**
 * Splits a budget row key `project|category|year|partner[#n]` (see `budgetBaseKey`). The project
 * is before the first bar and the partner after the last, so a category label holding a bar is
 * kept whole; undefined when the key is not a budget key.
 */
export function splitBudgetKey(
  key: string,
): { project: string; category: string; year: string; partner: string; n?: number } | undefined {
  const hash = /#(\d+)$/.exec(key);
  const base = hash ? key.slice(0, hash.index) : key;
  const first = base.indexOf("|");
  const last = base.lastIndexOf("|");
  const beforeLast = first < 0 ? -1 : base.lastIndexOf("|", last - 1);
  if (first < 0 || beforeLast <= first) return undefined;
  const parts = {
    project: base.slice(0, first),
    category: base.slice(first + 1, beforeLast),
    year: base.slice(beforeLast + 1, last),
    partner: base.slice(last + 1),
  };
  return hash ? { ...parts, n: Number(hash[1]) } : parts;
}

/**
 * The name of a row as people know it.
 *
 * @example rowDisplayName("budget", "CLUSTER-2020|coordinator|2021|", "it") // "CLUSTER-2020 · Coordinatore · 2021"
 * @example rowDisplayName("project", "DGH", "en") // "DGH"
 */
export function rowDisplayName(entity: EntityKind | string, key: string, locale: Locale, values?: BudgetRowValues): string {
  if (entity !== "budget") return key;
  const parts = splitBudgetKey(key);
  if (parts === undefined) return key;
  // The label as the sheet wrote it beats the category word; the key is the fallback for both.
  const label = text(values?.categoryLabel);
  const category = label !== "" ? label : displayWord("costCategory", text(values?.category) || parts.category, locale);
  const shown = [text(values?.project) || parts.project, category, text(values?.year) || parts.year, text(values?.partner) || parts.partner]
    .filter((p) => p !== "")
    .join(SEPARATOR);
  return parts.n === undefined ? shown : `${shown} (${parts.n})`;
}
