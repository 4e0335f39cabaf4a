import type { CostCategory } from "#core/model.ts";
import { foldText } from "./text.ts";

/**
 * Keywords by category, folded, matched at word starts. Order matters: earlier entries win, so
 * "indirect costs" is overhead before "direct costs" is considered, "coordinator personnel" is
 * the coordinator before "personnel", and "altri costi di personale per … promozione" is
 * personnel before "promozione" reads as communication.
 */
const KEYWORDS: readonly (readonly [CostCategory, readonly string[]])[] = [
  ["overhead", ["spese generali", "overhead", "indirect", "costi indiretti", "forfettari", "flat rate"]],
  ["subcontracting", ["subcontract", "subappalt", "sub contract"]],
  ["travel", ["travel", "viaggi", "missioni", "trasferte", "subsistence"]],
  ["goods-services", ["other goods", "altri beni", "beni e servizi", "goods and services", "purchase of goods"]],
  ["coordinator", ["coordinatore", "coordinator"]],
  ["personnel", ["altri costi di personale", "personale", "personnel", "staff", "risorse umane"]],
  ["equipment", ["attrezzatur", "equipment", "strumentazion", "apparecchiatur"]],
  ["communication", ["comunicazione", "communication", "promozione", "promotion", "dissemination", "disseminazione"]],
  ["other-direct", ["altri costi diretti", "other direct", "other costs", "altri costi", "other cost categories"]],
];

/** The seed scheme's letters (A–E) in a label's first characters: "A", "A)", "a.", "(A)". */
const LETTER = /^\(?([a-e])(?:[).:-]|\s|$)/i;
const BY_LETTER: Readonly<Record<string, CostCategory>> = {
  a: "coordinator",
  b: "personnel",
  c: "equipment",
  d: "communication",
  e: "overhead",
};

/**
 * The cost category of a budget label. Keywords (Italian and English) come first so both the
 * seed scheme ("A) Costo del coordinatore operativo …") and Horizon labels ("A. Direct personnel
 * costs", "E. Indirect costs") land right; a bare or unrecognised label falls back to its
 * leading letter in the seed scheme (A coordinator … E overhead).
 *
 * @example parseCostCategory("E) Spese generali") // "overhead"
 */
export function parseCostCategory(s: string): CostCategory | undefined {
  const padded = ` ${foldText(s)} `;
  for (const [category, words] of KEYWORDS) {
    for (const w of words) if (padded.includes(` ${w}`)) return category;
  }
  const letter = LETTER.exec(s.trim());
  return letter ? BY_LETTER[(letter[1] ?? "").toLowerCase()] : undefined;
}
