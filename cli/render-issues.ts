/**
 * The human form of the issue list: grouped by sheet (in workbook order), errors before warnings,
 * each line with its cell address, column heading and message.
 */
import type { ReportIssue, ReportJson } from "#core/report/index.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { t } from "./strings.ts";

function issueLine(i: ReportIssue, locale: Locale, labelWidth: number): string {
  const label = t(i.severity === "error" ? "rep.error" : "rep.warning", locale).padEnd(labelWidth);
  const where = (i.cell || (i.row > 0 ? String(i.row) : "-")).padEnd(6);
  const column = i.column ? `${i.column.trim()}: ` : "";
  return `  ${label}  ${where} ${column}${i.message}`;
}

/** Summary line plus the issues grouped by sheet, errors first within each sheet. */
export function renderIssues(report: ReportJson, locale: Locale): string {
  const out: string[] = [
    t("rep.summary", locale, {
      file: report.file,
      errors: report.counts.errors,
      warnings: report.counts.warnings,
    }),
  ];
  if (report.issues.length === 0) {
    out.push(t("rep.no-issues", locale));
    return out.join("\n");
  }
  const bySheet = new Map<string, ReportIssue[]>();
  for (const i of report.issues) {
    const list = bySheet.get(i.sheet) ?? [];
    list.push(i);
    bySheet.set(i.sheet, list);
  }
  const labelWidth = Math.max(t("rep.error", locale).length, t("rep.warning", locale).length);
  for (const [sheet, list] of bySheet) {
    out.push("", sheet ? t("rep.sheet", locale, { value: sheet }) : "—");
    // The core sorts by row; a stable sort keeps that order inside each severity.
    const sorted = [...list].sort((a, b) =>
      a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1,
    );
    for (const i of sorted) out.push(issueLine(i, locale, labelWidth));
  }
  return out.join("\n");
}
