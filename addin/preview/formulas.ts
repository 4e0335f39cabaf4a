/**
 * Evaluates the add-in's own formulas for the preview grid (the fake host leaves every formula
 * unevaluated): `=CLUSTER.PRL(ref; [mode]; [aggregate])`, `=CLUSTER.PRLNEXT(ref)`,
 * `=CLUSTER.PRLLABEL(level)` and the LAMBDA names `=PRL(…)`, `=PRLNEXT(…)` once defined.
 * Results come from the core's PRL index, the same code the custom functions call.
 */
import type { Plan } from "#core/model.ts";
import type { CellValue, Locale } from "#core/snapshot/types.ts";
import { prlIndex, prlLabel, prlNext } from "#core/prl/index.ts";
import type { Aggregate, PrlIndex, PrlMode } from "#core/prl/index.ts";
import { tryParseA1 } from "#core/values/index.ts";

/** Looks up a cell of the formula's own sheet. */
export type CellLookup = (row: number, col: number) => CellValue;

type Fn = "PRL" | "PRLNEXT" | "PRLLABEL";

const CALL = /^=\s*(?:CLUSTER\.)?(PRL|PRLNEXT|PRLLABEL)\s*\((.*)\)\s*$/i;

/** Splits arguments on ";" or "," outside double quotes. */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === ";" || ch === ",")) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim() !== "" || out.length > 0) out.push(cur.trim());
  return out;
}

function argValue(arg: string, cell: CellLookup): CellValue {
  if (arg.startsWith('"') && arg.endsWith('"') && arg.length >= 2) return arg.slice(1, -1).replace(/""/g, '"');
  const ref = tryParseA1(arg.replace(/\$/g, ""));
  if (ref !== undefined) return cell(ref.row, ref.col);
  const n = Number(arg);
  return arg !== "" && Number.isFinite(n) ? n : null;
}

/** PRL indexes of one plan, built on first use. */
export class FormulaContext {
  readonly #plan: Plan;
  readonly #locale: Locale;
  #milestone: PrlIndex | undefined;
  #strict: PrlIndex | undefined;

  constructor(plan: Plan, locale: Locale) {
    this.#plan = plan;
    this.#locale = locale;
  }

  index(mode: PrlMode): PrlIndex {
    if (mode === "strict") return (this.#strict ??= prlIndex(this.#plan, "strict"));
    return (this.#milestone ??= prlIndex(this.#plan, "milestone"));
  }

  /** The value of `formula`, or undefined when it is not one of ours (the host's value stands). */
  evaluate(formula: string, cell: CellLookup): CellValue | undefined {
    const m = CALL.exec(formula);
    if (m === null) return undefined;
    const fn = (m[1] ?? "").toUpperCase() as Fn;
    const args = splitArgs(m[2] ?? "").map((a) => argValue(a, cell));
    if (fn === "PRLLABEL") {
      const level = Number(args[0]);
      return Number.isFinite(level) ? prlLabel(level, this.#locale) : "#VALUE!";
    }
    const ref = args[0];
    if (ref === null || ref === undefined || ref === "") return "#VALUE!";
    const modeArg = String(args[1] ?? "").toLowerCase();
    const mode: PrlMode = modeArg === "strict" || modeArg === "rigoroso" ? "strict" : "milestone";
    const aggArg = String(args[2] ?? "").toLowerCase();
    const aggregate: Aggregate = aggArg === "avg" || aggArg === "min" ? aggArg : "max";
    const index = this.index(mode);
    if (fn === "PRL") return index.lookup(String(ref), aggregate)?.prl ?? "#N/A";
    const project = index.findProject(String(ref));
    if (project === undefined) return "#N/A";
    const next = prlNext(project, mode);
    return next === undefined ? "—" : `${next.level} ${prlLabel(next.level, this.#locale)}`;
  }
}
