/**
 * Checks against derived values (SPEC §6, §7): a typed PRL that differs from the computed one;
 * stated overhead vs computed (rate × (direct − subcontracting)); a budget sheet's stated total vs
 * computed; the project's "total budget" cell vs the budget sheet. All warnings naming both values.
 */
import type { BudgetRow, Cents, Project } from "#core/model.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { projectPrl } from "#core/prl/index.ts";
import { budgetMismatches, differsByMoreThanACent, summarizeBudgets } from "#core/budget/index.ts";
import type { BudgetSummary } from "#core/budget/index.ts";
import { formatMoney } from "#core/values/index.ts";
import type { FieldProblem, RowAt } from "../problem.ts";
import type { Row } from "./unique.ts";

/** Adds `prl.stated-differs` to projects whose PRL cell differs from the computed PRL. */
export function prlStatedRule(projects: readonly Row<Project>[]): void {
  for (const r of projects) {
    const stated = r.entity.prlStated;
    if (stated === undefined) continue;
    const computed = projectPrl(r.entity, "milestone");
    if (stated !== computed) {
      r.problems.push({ severity: "warning", code: "prl.stated-differs", field: "prlStated", value: stated, params: { stated, computed } });
    }
  }
}

/** A total stated in a budget sheet's totals row for one project. */
export interface StatedTotalAt {
  project: string;
  stated: Cents;
  at: RowAt;
}

/**
 * Budget consistency. Adds warnings to the first overhead row (stated vs computed overhead) and to
 * the project row (total budget cell vs budget sheet); returns the warnings of totals rows.
 */
export function budgetRules(
  budget: readonly Row<BudgetRow>[],
  projects: readonly Row<Project>[],
  totals: readonly StatedTotalAt[],
  locale: Locale,
): { summaries: Map<string, BudgetSummary>; located: { problem: FieldProblem; at: RowAt }[] } {
  // summarizeBudgets reads each project's stated rate itself and never counts a rate-only row
  // ("Spese generali | 20%") as a stated overhead amount.
  const summaries = summarizeBudgets(
    budget.map((r) => r.entity),
    projects.map((r) => r.entity),
  );
  const projectRow = new Map<string, Row<Project>>();
  for (const r of projects) if (r.entity.key !== "" && !projectRow.has(r.entity.key)) projectRow.set(r.entity.key, r);
  const budgetRow = new Map<BudgetRow, Row<BudgetRow>>();
  for (const r of budget) if (r.entity.category === "overhead") budgetRow.set(r.entity, r);
  const money = (c: Cents): string => formatMoney(c, locale);
  const faultyProjects = new Set<string>();
  for (const r of budget) {
    if (r.problems.length > 0 && r.problems.some((p) => p.field === "amount" && p.severity === "error")) faultyProjects.add(r.entity.project);
  }

  for (const [key, summary] of summaries) {
    const pr = projectRow.get(key);
    // A project whose budget rows have unreadable amounts has no trustworthy sum to compare.
    const faulty = summaryHasFaultyRows(summary, faultyProjects);
    for (const m of budgetMismatches(summary, faulty ? undefined : pr?.entity)) {
      if (m.kind === "overhead") {
        const first = summary.overheadRows[0];
        const target = first === undefined ? undefined : budgetRow.get(first);
        target?.problems.push({
          severity: "warning",
          code: "budget.overhead-differs",
          field: "amount",
          value: m.stated / 100,
          params: { stated: money(m.stated), computed: money(m.computed), rate: `${Math.round(summary.rate * 10000) / 100}%`, project: key },
        });
      } else {
        pr?.problems.push({
          severity: "warning",
          code: "budget.project-total-differs",
          field: "totalBudget",
          value: m.stated / 100,
          params: { stated: money(m.stated), computed: money(m.computed), project: key },
        });
      }
    }
  }

  const located: { problem: FieldProblem; at: RowAt }[] = [];
  for (const t of totals) {
    const summary = summaries.get(t.project);
    if (summary === undefined || !differsByMoreThanACent(t.stated, summary.totalComputed)) continue;
    located.push({
      problem: {
        severity: "warning",
        code: "budget.total-differs",
        field: "amount",
        value: t.stated / 100,
        params: { stated: money(t.stated), computed: money(summary.totalComputed), project: t.project },
      },
      at: t.at,
    });
  }
  return { summaries, located };
}

function summaryHasFaultyRows(summary: BudgetSummary, faulty: ReadonlySet<string>): boolean {
  return faulty.has(summary.project);
}
