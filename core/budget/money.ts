import type { Cents } from "#core/model.ts";

/** Rates are read to 9 decimals: enough for any percentage a sheet states, and exact in BigInt. */
const RATE_SCALE = 1_000_000_000n;
/** 2^50: below it, amount × rate·10⁴ and the half-up division are exact in doubles. */
const FAST_LIMIT = 2 ** 50;

/**
 * `amount × rate` rounded half-up (away from zero) to the cent, computed exactly: the rate is
 * scaled to an integer and the product taken in BigInt, so 0.07 × 12 345 gives 864 cents (864.15
 * rounds to 864), never a binary floating point accident.
 * @throws RangeError when amount is not a safe integer or rate is not a finite number ≥ 0
 *   (API misuse: callers validate user input first).
 */
export function multiplyCents(amount: Cents, rate: number): Cents {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be integer cents, got ${amount}`);
  if (!Number.isFinite(rate) || rate < 0)
    throw new RangeError(`rate must be a finite number >= 0, got ${rate}`);
  // Fast path for the usual rates (≤ 4 decimals: 25 %, 70 %, 100 %) on amounts small enough that
  // every intermediate is an exact integer in a double and the final division cannot misround.
  const rate4 = Math.round(rate * 10_000);
  if (rate4 === rate * 10_000 && Math.abs(amount) * rate4 <= FAST_LIMIT) {
    const value = Math.floor((2 * Math.abs(amount) * rate4 + 10_000) / 20_000);
    return amount < 0 ? -value : value;
  }
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
