/**
 * Custom functions of SPEC §8, namespace CLUSTER. Thin wrappers: arguments declared once in the
 * JSDoc tags below (functions.json is generated from them), computations in `compute.ts`, errors
 * made in `cell-error.ts`. PRL, PRLNEXT and BUDGET stream: they answer again whenever the plan
 * model changes, so cells stay live without any network.
 */
import type { PlanModel } from "#addin/shared/plan-store.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { toCellError, unavailableError } from "./cell-error.ts";
import { budgetOf, overheadOf, prlLabelOf, prlNextOf, prlOf } from "./compute.ts";
import { runtime } from "./custom-functions-api.ts";
import type { Computed } from "./result.ts";
import { displayLocale, planStore } from "./runtime.ts";

/**
 * Answers `invocation` from the current model and again after every change, until Excel cancels
 * it. Always settles: a failed read of the sheets becomes #N/A with the reason.
 */
function stream<T>(
  invocation: CustomFunctions.StreamingInvocation<T>,
  compute: (model: PlanModel, locale: Locale) => Computed<T>,
): void {
  let last: { value: T } | undefined;
  const answer = (model: PlanModel): void => {
    const locale = displayLocale(model.locale);
    try {
      const result = compute(model, locale);
      if (result.ok) {
        // An edit elsewhere leaves most cells' values as they were: skip those so Excel recalculates only what changed.
        if (last !== undefined && Object.is(last.value, result.value)) return;
        last = { value: result.value };
        invocation.setResult(result.value);
      } else {
        last = undefined;
        invocation.setResult(toCellError(result.problem, locale));
      }
    } catch (error) {
      last = undefined;
      invocation.setResult(unavailableError(error, locale));
    }
  };
  let store;
  try {
    store = planStore();
  } catch (error) {
    invocation.setResult(unavailableError(error, displayLocale("en")));
    return;
  }
  invocation.onCanceled = store.subscribe(answer);
  if (store.model) answer(store.model);
  else
    store
      .ready()
      .catch((error: unknown) => invocation.setResult(unavailableError(error, displayLocale("it"))));
}

/** Returns the value, or throws the cell error (how a non-streaming custom function reports one). */
function settle<T>(result: Computed<T>, locale: Locale): T {
  if (result.ok) return result.value;
  throw toCellError(result.problem, locale);
}

/**
 * Project Readiness Level (0–9) of a project, a line or a priority.
 * @customfunction PRL
 * @param ref Project code or acronym, line code ("5.1") or priority number.
 * @param [mode] "milestone" (default) or "strict".
 * @param [aggregate] For lines and priorities: "max" (default), "avg" or "min".
 * @param invocation Streaming invocation.
 */
export function prl(
  ref: string | number,
  mode: string | undefined,
  aggregate: string | undefined,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  stream(invocation, (model) => prlOf(model, ref, mode, aggregate));
}

/**
 * The next PRL milestone of a project and the evidence it needs.
 * @customfunction PRLNEXT
 * @param ref Project code or acronym.
 * @param invocation Streaming invocation.
 */
export function prlNext(ref: string | number, invocation: CustomFunctions.StreamingInvocation<string>): void {
  stream(invocation, (model, locale) => prlNextOf(model, ref, locale));
}

/**
 * The milestone name of a PRL level.
 * @customfunction PRLLABEL
 * @param level PRL level, 0 to 9.
 * @returns The milestone name.
 */
export function prlLabel(level: number): string {
  const locale = displayLocale("it");
  return settle(prlLabelOf(level, locale), locale);
}

/**
 * Budget roll-up of the plan, a priority, a line or a project.
 * @customfunction BUDGET
 * @param scope "*" for the whole plan, a priority, a line or a project.
 * @param [measure] total (default), requested, funded, overhead, direct, count or successrate.
 * @param [outcome] Only projects with this outcome.
 * @param [programme] Only projects of this programme.
 * @param [year] Only projects submitted in this year.
 * @param invocation Streaming invocation.
 */
export function budget(
  scope: string | number,
  measure: string | undefined,
  outcome: string | undefined,
  programme: string | undefined,
  year: number | undefined,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  stream(invocation, (model) => budgetOf(model, scope, measure, outcome, programme, year));
}

/**
 * Overhead ("spese generali"): rate × (direct costs − subcontracting), in euro.
 * @customfunction OVERHEAD
 * @param direct Direct costs in euro.
 * @param [subcontracting] Subcontracting in euro, left out of the base.
 * @param [rate] Overhead rate, 25% unless given.
 * @returns The overhead in euro.
 */
export function overhead(direct: number, subcontracting?: number, rate?: number): number {
  return settle(overheadOf(direct, subcontracting, rate), displayLocale("it"));
}

/** Ids as in functions.json; registered when Excel loads this script. */
export const FUNCTIONS = {
  PRL: prl,
  PRLNEXT: prlNext,
  PRLLABEL: prlLabel,
  BUDGET: budget,
  OVERHEAD: overhead,
} as const;

/** Registers every function with the runtime (called once when the script loads in Excel). */
export function associateAll(): void {
  const api = runtime();
  for (const [id, fn] of Object.entries(FUNCTIONS)) api.associate(id, fn as (...args: never[]) => unknown);
}
