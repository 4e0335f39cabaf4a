/**
 * Workbook names that let staff type `=PRL(A2)` (SPEC §8): LAMBDAs over the CLUSTER custom
 * functions. Defined only with the user's consent (the task pane asks) and never over a name the
 * user already has for something else.
 */
import type { ExcelRun } from "./api.ts";

/** The names and their formulas; optional LAMBDA parameters fall back to the functions' defaults. */
export const LAMBDA_NAMES: Readonly<Record<"PRL" | "PRLNEXT" | "BUDGET", string>> = {
  PRL: '=LAMBDA(ref,[mode],[aggregate],CLUSTER.PRL(ref,IF(ISOMITTED(mode),"milestone",mode),IF(ISOMITTED(aggregate),"max",aggregate)))',
  PRLNEXT: "=LAMBDA(ref,CLUSTER.PRLNEXT(ref))",
  BUDGET:
    '=LAMBDA(scope,[measure],[outcome],[programme],[year],CLUSTER.BUDGET(scope,IF(ISOMITTED(measure),"total",measure),IF(ISOMITTED(outcome),"",outcome),IF(ISOMITTED(programme),"",programme),IF(ISOMITTED(year),0,year)))',
};

const COMMENT = "Action Plan for Excel: scorciatoia per / shortcut to CLUSTER.";

export interface LambdaNamesResult {
  /** Names created now. */
  defined: string[];
  /** Names that already held our formula. */
  unchanged: string[];
  /** Names the user already uses for something else: left alone. */
  conflicts: string[];
}

/** Defines the missing names (two round trips). */
export async function defineLambdaNames(run: ExcelRun): Promise<LambdaNamesResult> {
  return run(async (ctx) => {
    const entries = Object.entries(LAMBDA_NAMES).map(([name, formula]) => {
      const item = ctx.workbook.names.getItemOrNullObject(name);
      item.load("formula");
      return { name, formula, item };
    });
    await ctx.sync();
    const result: LambdaNamesResult = { defined: [], unchanged: [], conflicts: [] };
    for (const { name, formula, item } of entries) {
      if (item.isNullObject) {
        ctx.workbook.names.add(name, formula, `${COMMENT}${name}`);
        result.defined.push(name);
      } else if (item.formula.replaceAll(" ", "") === formula.replaceAll(" ", ""))
        result.unchanged.push(name);
      else result.conflicts.push(name);
    }
    if (result.defined.length > 0) await ctx.sync();
    return result;
  });
}
