import type { Cents } from "#core/model.ts";

/** Rates are read to 9 decimals: enough for any percentage a sheet states, and exact in BigInt. */
const RATE_SCALE = 1_000_000_000n;

/**
 * `amount × rate` rounded half-up (away from zero) to the cent, computed exactly: the rate is
 * scaled to an integer and the product taken in BigInt, so 0.07 × 12 345 gives 864 cents (864.15
 * rounds to 864), never a binary floating point accident.
 * @throws RangeError when amount is not a safe integer or rate is not a finite number ≥ 0
 *   (API misuse: callers validate user input first).
 */
export function multiplyCents(amount: Cents, rate: number): Cents {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be integer cents, got ${amount}`);
  if (!Number.isFinite(rate) || rate < 0) throw new RangeError(`rate must be a finite number >= 0, got ${rate}`);
  const scaledRate = BigInt(Math.round(rate * Number(RATE_SCALE)));
  const product = BigInt(Math.abs(amount)) * scaledRate;
  const rounded = (product * 2n + RATE_SCALE) / (2n * RATE_SCALE);
  const value = Number(rounded);
  return amount < 0 ? -value : value;
}

/** Sum of optional cent amounts; a missing amount counts as 0 (SPEC §7). */
export function sumCents(amounts: Iterable<Cents | undefined>): Cents {
  let total = 0;
  for (const a of amounts) total += a ?? 0;
  return total;
}

/** true when two amounts differ by more than €0.01 (one cent), the budget-warning threshold. */
export function differsByMoreThanACent(a: Cents, b: Cents): boolean {
  return Math.abs(a - b) > 1;
}
