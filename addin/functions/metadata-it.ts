/**
 * The Italian texts of the CLUSTER functions' metadata (functions.it.json, what Italian Excel
 * shows in the formula autocomplete and the Insert Function dialog). The English texts live in
 * the JSDoc tags of `functions.ts`; the build generates both files from that one source and fails
 * when a function or parameter has no Italian text here. Function names stay the same in both
 * languages, so `=CLUSTER.PRL(A2)` and the `PRL` LAMBDA names work in any Excel.
 */
export interface ItalianFunctionText {
  description: string;
  parameters: Record<string, string>;
}

export const FUNCTIONS_IT: Readonly<Record<string, ItalianFunctionText>> = {
  PRL: {
    description: "Project Readiness Level (0–9) di un progetto, una linea o una priorità.",
    parameters: {
      ref: 'Codice o acronimo del progetto, codice della linea ("5.1") o numero della priorità.',
      mode: '"milestone" (predefinito) o "strict" (rigoroso).',
      aggregate: 'Per linee e priorità: "max" (predefinito), "avg" (media) o "min".',
    },
  },
  PRLNEXT: {
    description: "Il prossimo traguardo PRL di un progetto e l'evidenza che richiede.",
    parameters: { ref: "Codice o acronimo del progetto." },
  },
  PRLLABEL: {
    description: "Il nome del traguardo di un livello PRL.",
    parameters: { level: "Livello PRL, da 0 a 9." },
  },
  BUDGET: {
    description: "Totale di budget del piano, di una priorità, di una linea o di un progetto.",
    parameters: {
      scope: '"*" per l\'intero piano, una priorità, una linea o un progetto.',
      measure: "total (predefinito), requested, funded, overhead, direct, count o successrate.",
      outcome: "Solo i progetti con questo esito.",
      programme: "Solo i progetti di questo programma.",
      year: "Solo i progetti presentati in questo anno.",
    },
  },
  OVERHEAD: {
    description: "Spese generali: tasso × (costi diretti − subappalto), in euro.",
    parameters: {
      direct: "Costi diretti in euro.",
      subcontracting: "Subappalto in euro, escluso dalla base.",
      rate: "Tasso delle spese generali, 25% se non indicato.",
    },
  },
};
