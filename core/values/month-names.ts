/**
 * Month names and abbreviations, Italian and English, folded (lower-case, no accents, no dots),
 * to month number 1–12. Built once at module load.
 */
const NAMES: readonly (readonly string[])[] = [
  ["gennaio", "gen", "january", "jan"],
  ["febbraio", "feb", "february"],
  ["marzo", "mar", "march"],
  ["aprile", "apr", "april"],
  ["maggio", "mag", "may"],
  ["giugno", "giu", "june", "jun"],
  ["luglio", "lug", "july", "jul"],
  ["agosto", "ago", "august", "aug"],
  ["settembre", "set", "sett", "september", "sep", "sept"],
  ["ottobre", "ott", "october", "oct"],
  ["novembre", "nov", "november"],
  ["dicembre", "dic", "december", "dec"],
];

/** Folded month word → month number (1–12). */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  NAMES.flatMap((words, i) => words.map((w) => [w, i + 1] as const)),
);
