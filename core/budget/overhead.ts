import type { Cents } from "#core/model.ts";
import { multiplyCents } from "./money.ts";

/** The flat overhead ("spese generali") rate, unless a project states another (SPEC §7). */
export const DEFAULT_OVERHEAD_RATE = 0.25;

/**
 * Overhead = rate × (direct − subcontracting), rounded half-up to the cent. `direct` includes
 * subcontracting; subcontracting is taken out of the base. A base below zero gives 0: overhead
 * is never negative.
 * @example computeOverhead(16_000_000) // 4_000_000 (seed: A 130 000 + B 30 000 → E 40 000)
 * @throws RangeError on non-integer cents or a negative/non-finite rate (API misuse).
 */
export function computeOverhead(
  direct: Cents,
  subcontracting: Cents = 0,
  rate: number = DEFAULT_OVERHEAD_RATE,
): Cents {
  const base = Math.max(0, direct - subcontracting);
  return multiplyCents(base, rate);
}
