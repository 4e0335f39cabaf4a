/**
 * The workbooks the preview page can open: the seed fixtures, plus a "Formule" sheet with
 * `=CLUSTER.PRL(…)` cells so the custom functions' results are visible without Excel.
 */
import { annualReport2022, bigDataPlan, messyPlan } from "#samples/seed-workbook.ts";
import { largeWorkbook } from "#samples/large-workbook.ts";
import { seedFromSnapshot } from "#addin/memory-host/host.ts";
import type { SeedSheet } from "#addin/memory-host/host.ts";
import type { PreviewSeed } from "./params.ts";

/** Name of the demo sheet of formulas. */
export const FORMULA_SHEET = "Formule";

/** References shown on the formulas sheet, by seed (a project, a line, a priority). */
const REFS: Record<PreviewSeed, string[]> = {
  "big-data": ["DGH", "5.2", "5"],
  messy: ["DGH", "5.2", "5"],
  annual: ["5.1", "5"],
  large: ["P00001", "1.1", "1"],
};

function formulaSheet(refs: readonly string[]): SeedSheet {
  // Headings chosen so the core does not read this sheet as a plan table.
  const values: (string | null)[][] = [
    ["Rif.", "CLUSTER.PRL", "CLUSTER.PRL strict", "CLUSTER.PRLNEXT", "PRL()", "CLUSTER.BUDGET"],
  ];
  const formulas: Record<string, string> = {};
  refs.forEach((ref, i) => {
    const r = i + 2;
    values.push([ref, null, null, null, null, null]);
    formulas[`B${r}`] = `=CLUSTER.PRL(A${r})`;
    formulas[`C${r}`] = `=CLUSTER.PRL(A${r};"strict")`;
    formulas[`D${r}`] = `=CLUSTER.PRLNEXT(A${r})`;
    formulas[`E${r}`] = `=PRL(A${r})`;
    formulas[`F${r}`] = `=CLUSTER.BUDGET(A${r})`;
  });
  return { name: FORMULA_SHEET, values, formulas };
}

/** The seed sheets of a preview workbook. */
export function previewWorkbook(seed: PreviewSeed, projects: number): SeedSheet[] {
  const sheets =
    seed === "messy"
      ? messyPlan()
      : seed === "annual"
        ? annualReport2022()
        : seed === "large"
          ? largeWorkbook({ projects })
          : bigDataPlan();
  return [...sheets.map(seedFromSnapshot), formulaSheet(REFS[seed])];
}
