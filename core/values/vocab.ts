import type { Outcome } from "#core/model.ts";
import { foldText } from "./text.ts";

export { parseCostCategory } from "./cost-category.ts";

/** Canonical programme names (SPEC §3). */
export const PROGRAMMES: readonly string[] = [
  "Horizon Europe",
  "EURATOM",
  "EIC",
  "MSCA",
  "I3",
  "PNRR",
  "PR-FESR",
  "Interreg",
  "Digital Europe",
  "EU4Health",
  "Erasmus+",
  "LIFE",
];

/** Synonyms per canonical programme, as written; folded into the lookup map below. */
const PROGRAMME_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  "Horizon Europe": ["Horizon", "HE", "HORIZON EUROPE", "Horizon Europe Programme", "HEU"],
  EURATOM: ["Euratom Research and Training Programme"],
  EIC: ["EIC Accelerator", "EIC Pathfinder", "EIC Transition", "European Innovation Council"],
  MSCA: ["Marie Curie", "Marie Skłodowska-Curie", "Marie Sklodowska-Curie Actions", "MSCA Doctoral Networks"],
  I3: ["Interregional Innovation Investments", "I3 Instrument"],
  PNRR: ["Piano Nazionale di Ripresa e Resilienza", "NRRP"],
  "PR-FESR": ["POR FESR", "POR-FESR", "PR FESR", "FESR", "ERDF"],
  Interreg: ["Interreg Europe"],
  "Digital Europe": ["Digital Europe Programme", "DIGITAL", "DEP"],
  EU4Health: ["EU4 Health", "EU 4 Health"],
  "Erasmus+": ["Erasmus", "Erasmus Plus"],
  LIFE: ["LIFE Programme"],
};

/**
 * Programmes whose name may be followed by more words ("Horizon Europe Cluster 1",
 * "Interreg Central Europe"). Short or common words (HE, LIFE, I3, Horizon) are exact-only so
 * "Life sciences" or "Horizon 2020" are not taken for them.
 */
const PREFIX_KEYS: readonly string[] = [
  "horizon europe", "euratom", "eic", "msca", "marie curie", "marie sklodowska curie", "pnrr",
  "pr fesr", "por fesr", "interreg", "digital europe", "eu4health", "erasmus",
].sort((a, b) => b.length - a.length);

const PROGRAMME_BY_KEY: ReadonlyMap<string, string> = new Map(
  PROGRAMMES.flatMap((name) => [name, ...(PROGRAMME_SYNONYMS[name] ?? [])].map((w) => [foldText(w), name] as const)),
);

/**
 * The canonical programme name for a programme as written, or undefined when unknown
 * (unknown programmes are a warning and kept as written — SPEC §3).
 *
 * @example canonicalProgramme("POR FESR") // "PR-FESR"
 */
export function canonicalProgramme(s: string): string | undefined {
  const key = foldText(s);
  const exact = PROGRAMME_BY_KEY.get(key);
  if (exact !== undefined) return exact;
  for (const prefix of PREFIX_KEYS) {
    if (key.length > prefix.length && key.startsWith(prefix) && key.charCodeAt(prefix.length) === 32) {
      return PROGRAMME_BY_KEY.get(prefix);
    }
  }
  return undefined;
}

/** Outcomes in lifecycle order. */
export const OUTCOMES: readonly Outcome[] = [
  "idea",
  "drafting",
  "submitted",
  "under-evaluation",
  "reserve",
  "funded",
  "rejected",
  "withdrawn",
  "running",
  "closed",
];

/** Outcome words, Italian and English (SPEC §3 plus common variants and feminine forms). */
const OUTCOME_SYNONYMS: Readonly<Record<Outcome, readonly string[]>> = {
  idea: ["idea", "proposta di idea", "project idea"],
  drafting: ["in preparazione", "in scrittura", "in stesura", "drafting", "draft", "in preparation", "bozza"],
  submitted: ["presentato", "presentata", "inviato", "inviata", "sottomesso", "sottomessa", "submitted"],
  "under-evaluation": [
    "in attesa di valutazione", "in valutazione", "under evaluation", "in evaluation",
    "awaiting evaluation", "pending evaluation",
  ],
  reserve: ["in riserva", "riserva", "lista di riserva", "reserve list", "reserve", "sopra soglia", "above threshold", "seal of excellence"],
  funded: ["finanziato", "finanziata", "approvato", "approvata", "ammesso a finanziamento", "funded", "approved", "granted"],
  rejected: [
    "non finanziato", "non finanziata", "respinto", "respinta", "bocciato", "bocciata",
    "non approvato", "non ammesso", "rejected", "not funded", "sotto soglia", "below threshold",
  ],
  withdrawn: ["ritirato", "ritirata", "withdrawn", "abbandonato"],
  running: ["in corso", "avviato", "running", "ongoing", "in progress"],
  closed: ["concluso", "conclusa", "chiuso", "chiusa", "terminato", "closed", "completed", "ended"],
};

const OUTCOME_BY_KEY: ReadonlyMap<string, Outcome> = new Map(
  OUTCOMES.flatMap((o) => [o, ...OUTCOME_SYNONYMS[o]].map((w) => [foldText(w), o] as const)),
);

/**
 * The outcome for a status as written (Italian or English, case/accent-insensitive), or
 * undefined when unknown (an error — SPEC §3).
 *
 * @example parseOutcome("In valutazione") // "under-evaluation"
 */
export function parseOutcome(s: string): Outcome | undefined {
  return OUTCOME_BY_KEY.get(foldText(s));
}
