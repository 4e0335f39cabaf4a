/**
 * A file's status in the run report, derived from its numbers so the two never disagree
 * ("applied" is never shown next to applied=0 conflicts=1), and what needs a person — one rule
 * for the nightly job, its console and the task pane's run report.
 */
import type { RunFile } from "./protocol.ts";

/**
 * - `needs-attention`: conflicts or invalid rows (also when other rows were applied);
 * - `applied`: at least one row applied, nothing needing a person;
 * - `unchanged`: read and pushed, nothing new. `error` and `skipped-unchanged` are set by the job.
 */
export function fileStatus(file: Pick<RunFile, "applied" | "conflicts" | "invalid">): RunFile["status"] {
  if (file.conflicts + file.invalid > 0) return "needs-attention";
  return file.applied > 0 ? "applied" : "unchanged";
}

/** Whether a file's line in the report asks a person to act (a conflict, an invalid row, an error). */
export function needsPerson(file: RunFile): boolean {
  return file.status === "error" || file.conflicts + file.invalid > 0;
}
