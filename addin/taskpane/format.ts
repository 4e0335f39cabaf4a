/** Number formatting for the task pane, in the UI language. */
import type { Cents } from "#core/model.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { formatPercent as corePercent } from "#core/i18n/formats.ts";
import { localeTag } from "#core/i18n/locale-tag.ts";
import { translate } from "#addin/i18n/strings.ts";
import { formatMoney as coreFormatMoney } from "#core/values/money.ts";

/**
 * Euro amount from cents, the one money format of the product (core's): "€ 499.875,00" (it),
 * "€499,875.00" (en) — the CLI and the overview sheet write the same.
 */
export function formatMoney(cents: Cents, locale: Locale): string {
  return coreFormatMoney(cents, locale);
}

const oneDecimal = new Map<Locale, Intl.NumberFormat>();

/** The scales of the short form, largest first, with the catalogue entry that names each. */
const SCALES = [
  [1e9, "money.short.billions"],
  [1e6, "money.short.millions"],
  [1e3, "money.short.thousands"],
  [1, "money.short.units"],
] as const;

/**
 * Euro amount from cents in a short form for narrow tables: "1,2 M€", "499,9 k€" (it) and
 * "€1.2M", "€499.9k" (en), one decimal at most. The units are the catalogue's, not `Intl`'s
 * compact notation, whose words differ between ICU builds ("Mln €" in Node, other forms in
 * browsers) and between English locales ("€1.2m" in en-GB).
 */
export function formatMoneyShort(cents: Cents, locale: Locale): string {
  let f = oneDecimal.get(locale);
  if (f === undefined) {
    f = new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1 });
    oneDecimal.set(locale, f);
  }
  const euros = Math.abs(cents) / 100;
  // The largest scale the amount reaches; one up when rounding would show 1 000 of it
  // (999 960 € is "1 M€", never "1.000 k€").
  let i = SCALES.findIndex(([scale]) => euros >= scale);
  if (i < 0) i = SCALES.length - 1;
  if (i > 0 && Math.round((euros / SCALES[i]![0]) * 10) / 10 >= 1000) i -= 1;
  const [shown, shownKey] = SCALES[i]!;
  return translate(locale, shownKey, { sign: cents < 0 ? "−" : "", amount: f.format(euros / shown) });
}

/** A ratio as a whole percentage, or `none` when it is null (core's `Intl` percent). */
export function formatPercent(ratio: number | null, locale: Locale, none: string): string {
  return corePercent(ratio, locale, none, 0);
}
