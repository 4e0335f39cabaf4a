/**
 * Evaluates the add-in's own formulas for the preview grid (the fake host leaves every formula
 * unevaluated): `=CLUSTER.PRL(…)`, `PRLNEXT`, `PRLLABEL`, `BUDGET`, `OVERHEAD`, and the LAMBDA
 * names `=PRL(…)`, `=PRLNEXT(…)`, `=BUDGET(…)`. Results come from the custom functions' own
 * computations (`addin/functions/compute.ts`) over the shared runtime's plan model, so the
 * preview shows exactly what Excel would.
 */
import type { CellValue, Locale } from "#core/snapshot/types.ts";
import { tryParseA1 } from "#core/values/index.ts";
import type { PlanModel } from "#addin/shared/plan-store.ts";
import { budgetOf, overheadOf, prlLabelOf, prlNextOf, prlOf } from "#addin/functions/compute.ts";
import type { Arg } from "#addin/functions/compute.ts";
import type { Computed, ProblemKind } from "#addin/functions/result.ts";

/** Looks up a cell of the formula's own sheet. */
export type CellLookup = (row: number, col: number) => CellValue;

const CALL = /^=\s*(CLUSTER\.)?(PRL|PRLNEXT|PRLLABEL|BUDGET|OVERHEAD)\s*\((.*)\)\s*$/i;

const ERRORS: Record<ProblemKind, string> = {
  "not-available": "#N/A",
  value: "#VALUE!",
};

/** Splits arguments on ";" or "," outside double quotes. */
export function splitArgs(text: string): string[] {
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

function argValue(arg: string, cell: CellLookup): Arg {
  if (arg === "") return null;
  if (arg.startsWith('"') && arg.endsWith('"') && arg.length >= 2)
    return arg.slice(1, -1).replace(/""/g, '"');
  const ref = tryParseA1(arg.replace(/\$/g, ""));
  if (ref !== undefined) return cell(ref.row, ref.col);
  const n = Number(arg.replace(",", "."));
  return Number.isFinite(n) ? n : arg;
}

function value<T extends CellValue>(c: Computed<T>): CellValue {
  return c.ok ? c.value : ERRORS[c.problem.kind];
}

/** Evaluates formulas against one version of the plan model. */
export class FormulaContext {
  readonly #model: PlanModel;
  readonly #locale: Locale;
  readonly #names: ReadonlySet<string>;

  /** `names`: workbook names defined (upper case); a bare `=PRL(…)` needs the PRL name, as in Excel. */
  constructor(model: PlanModel, locale: Locale, names: ReadonlySet<string>) {
    this.#model = model;
    this.#locale = locale;
    this.#names = names;
  }

  /** The value of `formula`, or undefined when it is not one of ours (the host's value stands). */
  evaluate(formula: string, cell: CellLookup): CellValue | undefined {
    const m = CALL.exec(formula);
    if (m === null) return undefined;
    const fn = (m[2] ?? "").toUpperCase();
    if (m[1] === undefined && !this.#names.has(fn)) return undefined;
    const a = splitArgs(m[3] ?? "").map((x) => argValue(x, cell));
    switch (fn) {
      case "PRL":
        return value(prlOf(this.#model, a[0], a[1], a[2]));
      case "PRLNEXT":
        return value(prlNextOf(this.#model, a[0], this.#locale));
      case "PRLLABEL":
        return value(prlLabelOf(a[0], this.#locale));
      case "BUDGET":
        return value(budgetOf(this.#model, a[0], a[1], a[2], a[3], a[4]));
      default:
        return value(overheadOf(a[0], a[1], a[2]));
    }
  }
}
