/**
 * Optional Excel features, asked for with `Office.context.requirements.isSetSupported` (the
 * manifest declares only what the core paths need: ExcelApi 1.13, see manifest.xml).
 *
 * | feature        | needs                                   | without it                                       |
 * | -------------- | --------------------------------------- | ------------------------------------------------ |
 * | triggerSource  | ExcelApi 1.14 (WorksheetChangedEventArgs) | own writes recognised by cell and a 1 s window |
 * | lambdaNames    | LAMBDA in the grid: Microsoft 365 / Excel 2024, i.e. ExcelApi 1.17 (no requirement set names LAMBDA; 1.17 is the level of the first perpetual Excel with it) | the pane explains that `=CLUSTER.PRL(A2)` works |
 */

/** `isSetSupported(name, minVersion)`. */
export type SetSupport = (name: string, minVersion?: string) => boolean;

export const OPTIONAL_FEATURES = {
  triggerSource: ["ExcelApi", "1.14"],
  lambdaNames: ["ExcelApi", "1.17"],
} as const satisfies Record<string, readonly [string, string]>;

export type Features = Record<keyof typeof OPTIONAL_FEATURES, boolean>;

interface OfficeRequirements {
  Office?: { context?: { requirements?: { isSetSupported?: SetSupport } } };
}

/**
 * Office's `isSetSupported` when Office.js is loaded; otherwise (the preview page, tests that pass
 * nothing) every set is taken as supported, as in the latest Excel.
 */
export function hostSupports(): SetSupport {
  const requirements = (globalThis as OfficeRequirements).Office?.context?.requirements;
  const isSetSupported = requirements?.isSetSupported;
  if (requirements === undefined || isSetSupported === undefined) return () => true;
  return (name, minVersion) => isSetSupported.call(requirements, name, minVersion);
}

/** A feature this Excel lacks; `feature` keys the pane's message (`feature.<feature>-unavailable`). */
export class FeatureUnavailableError extends Error {
  override readonly name = "FeatureUnavailableError";
  constructor(readonly feature: "lambda-names") {
    super(`This version of Excel does not support ${feature}.`);
  }
}
