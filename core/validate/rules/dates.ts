/**
 * Dates order (SPEC §5): a submission after the deadline, or a start before the submission, is a
 * warning on the later-checked cell. ISO dates compare as strings.
 */
import type { Project } from "#core/model.ts";
import type { FieldProblem } from "../problem.ts";

/** Adds the dates-order warnings of a project to `out`. */
export function datesOrder(p: Project, out: FieldProblem[]): void {
  if (p.submitted !== undefined && p.deadline !== undefined && p.submitted > p.deadline) {
    out.push({
      severity: "warning",
      code: "dates.submitted-after-deadline",
      field: "submitted",
      value: p.submitted,
      params: { submitted: p.submitted, deadline: p.deadline },
    });
  }
  if (p.startDate !== undefined && p.submitted !== undefined && p.startDate < p.submitted) {
    out.push({
      severity: "warning",
      code: "dates.start-before-submitted",
      field: "startDate",
      value: p.startDate,
      params: { start: p.startDate, submitted: p.submitted },
    });
  }
}
