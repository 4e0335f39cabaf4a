import type { Cents } from "#core/model.ts";
import type { Locale } from "#core/snapshot/types.ts";

/**
 * Cents to euro for JSON output: at most two decimals. Dividing an integer by 100 is correctly
 * rounded, so the result is the double nearest the exact amount (49987501 → 499875.01).
 *
 * @example centsToEuro(49987500) // 499875
 */
export function centsToEuro(c: Cents): number {
  return Math.round(c) / 100;
}

const GROUPS = /\B(?=(\d{3})+(?!\d))/g;

/**
 * Formats cents the way each locale writes money: "€ 499.875,00" (it), "€499,875.00" (en).
 * Written by hand rather than with `Intl` so the text is identical on every runtime (ICU data
 * differs between Node, Excel hosts and browsers) and reads back with `parseMoney`.
 */
export function formatMoney(c: Cents, locale: Locale): string {
  const abs = Math.abs(Math.round(c));
  const euros = Math.floor(abs / 100);
  const cents = abs % 100;
  const sign = c < 0 && abs > 0 ? "-" : "";
  const frac = cents < 10 ? `0${cents}` : String(cents);
  if (locale === "en") return `${sign}€${String(euros).replace(GROUPS, ",")}.${frac}`;
  return `${sign}€ ${String(euros).replace(GROUPS, ".")},${frac}`;
}
