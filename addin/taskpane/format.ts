/** Number formatting for the task pane, in the UI language. */
import type { Cents } from "#core/model.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { formatPercent as corePercent } from "#core/i18n/formats.ts";
import { localeTag } from "#core/i18n/locale-tag.ts";
import { formatMoney as coreFormatMoney } from "#core/values/money.ts";

/**
 * Euro amount from cents, the one money format of the product (core's): "€ 499.875,00" (it),
 * "€499,875.00" (en) — the CLI and the overview sheet write the same.
 */
export function formatMoney(cents: Cents, locale: Locale): string {
  return coreFormatMoney(cents, locale);
}

const compact = new Map<Locale, Intl.NumberFormat>();

/** Euro amount from cents in a short form for narrow tables, e.g. "22,3 Mln €" / "€22.3M". */
export function formatMoneyShort(cents: Cents, locale: Locale): string {
  let f = compact.get(locale);
  if (f === undefined) {
    f = new Intl.NumberFormat(localeTag(locale), {
      style: "currency",
      currency: "EUR",
      notation: "compact",
      maximumFractionDigits: 1,
    });
    compact.set(locale, f);
  }
  return f.format(cents / 100);
}

/** A ratio as a whole percentage, or `none` when it is null (core's `Intl` percent). */
export function formatPercent(ratio: number | null, locale: Locale, none: string): string {
  return corePercent(ratio, locale, none, 0);
}
