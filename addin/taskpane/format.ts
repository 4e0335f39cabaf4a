/** Number formatting for the task pane, in the UI language. */
import type { Cents } from "#core/model.ts";
import type { Locale } from "#core/snapshot/types.ts";

const TAGS: Record<Locale, string> = { it: "it-IT", en: "en-GB" };
const money = new Map<Locale, Intl.NumberFormat>();
const percent = new Map<Locale, Intl.NumberFormat>();

/** Euro amount from cents, e.g. "€ 499.875" (it) / "€499,875" (en); whole euros unless cents are present. */
export function formatMoney(cents: Cents, locale: Locale): string {
  let f = money.get(locale);
  if (f === undefined) {
    f = new Intl.NumberFormat(TAGS[locale], {
      style: "currency",
      currency: "EUR",
      maximumFractionDigits: 2,
      minimumFractionDigits: 0,
    });
    money.set(locale, f);
  }
  return f.format(cents / 100);
}

const compact = new Map<Locale, Intl.NumberFormat>();

/** Euro amount from cents in a short form for narrow tables, e.g. "22,3 Mln €" / "€22.3M". */
export function formatMoneyShort(cents: Cents, locale: Locale): string {
  let f = compact.get(locale);
  if (f === undefined) {
    f = new Intl.NumberFormat(TAGS[locale], {
      style: "currency",
      currency: "EUR",
      notation: "compact",
      maximumFractionDigits: 1,
    });
    compact.set(locale, f);
  }
  return f.format(cents / 100);
}

/** A ratio as a percentage, or `none` when it is null. */
export function formatPercent(ratio: number | null, locale: Locale, none: string): string {
  if (ratio === null) return none;
  let f = percent.get(locale);
  if (f === undefined) {
    f = new Intl.NumberFormat(TAGS[locale], { style: "percent", maximumFractionDigits: 0 });
    percent.set(locale, f);
  }
  return f.format(ratio);
}
