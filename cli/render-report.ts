/**
 * The human form of `actionplan report`: issues, then PRL by priority, line and project, budgets
 * and the roll-ups of SPEC §7, in Italian or English.
 */
import { formatPercent } from "#core/i18n/formats.ts";
import { NOT_AVAILABLE, outcomeWord, rollupKeyWord } from "#core/i18n/vocabulary.ts";
import type { ReportJson, ReportRollupCell } from "#core/report/index.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { formatMoney } from "#core/values/index.ts";
import { renderIssues } from "./render-issues.ts";
import { hasString, t } from "./strings.ts";
import type { CliString } from "./strings.ts";
import { renderTable } from "./table.ts";

const money = (euro: number | undefined, locale: Locale): string =>
  euro === undefined ? "" : formatMoney(Math.round(euro * 100), locale);

const percent = (rate: number | null, locale: Locale): string => formatPercent(rate, locale, NOT_AVAILABLE[locale]);

type Dimension = Parameters<typeof rollupKeyWord>[0];

function flagText(flag: string, locale: Locale): string {
  const key = `flag.${flag}`;
  return hasString(key) ? t(key, locale) : flag;
}

function rollupTable(
  title: string,
  dimension: Dimension,
  group: Record<string, ReportRollupCell>,
  locale: Locale,
): string {
  const rows = Object.entries(group).map(([key, c]) => [
    rollupKeyWord(dimension, key, locale),
    String(c.count),
    money(c.totalBudget, locale),
    money(c.requested, locale),
    money(c.funded, locale),
    percent(c.successRate, locale),
  ]);
  const cols = (
    ["col.key", "col.count", "col.total", "col.requested", "col.funded", "col.success"] as CliString[]
  ).map((k, i) => ({
    heading: t(k, locale),
    right: i > 0,
  }));
  return `${title}\n${renderTable(cols, rows)}`;
}

/** The whole human report. */
export function renderReport(report: ReportJson, locale: Locale): string {
  const h = (k: CliString) => t(k, locale);
  const parts: string[] = [renderIssues(report, locale)];
  if (report.mode === "strict") parts.push(h("rep.mode.strict"));

  parts.push(
    `${h("rep.priorities")}\n${renderTable(
      [
        { heading: h("col.code") },
        { heading: h("col.title"), max: 60 },
        { heading: h("col.prl"), right: true },
      ],
      report.priorities.map((p) => [p.code, p.title, String(p.prl)]),
    )}`,
  );
  parts.push(
    `${h("rep.lines")}\n${renderTable(
      [
        { heading: h("col.code") },
        { heading: h("col.title"), max: 60 },
        { heading: h("col.prl"), right: true },
      ],
      report.lines.map((l) => [l.code, l.title, String(l.prl)]),
    )}`,
  );
  parts.push(
    `${h("rep.projects")}\n${renderTable(
      [
        { heading: h("col.project"), max: 24 },
        { heading: h("col.line") },
        { heading: h("col.outcome") },
        { heading: h("col.prl"), right: true },
        { heading: h("col.strict"), right: true },
        { heading: h("col.milestone") },
        { heading: h("col.total"), right: true },
        { heading: h("col.flags") },
      ],
      report.projects.map((p) => [
        p.acronym ?? p.code ?? "",
        p.line ?? NOT_AVAILABLE[locale],
        outcomeWord(p.outcome, locale),
        String(p.prl),
        String(p.prlStrict),
        p.prlLabel,
        money(p.totalBudget, locale),
        p.flags.map((f) => flagText(f, locale)).join(", "),
      ]),
    )}`,
  );
  if (report.budget.length > 0) {
    parts.push(
      `${h("rep.budget")}\n${renderTable(
        [
          { heading: h("col.project") },
          { heading: h("col.direct"), right: true },
          { heading: h("col.overhead"), right: true },
          { heading: h("col.rowtotal"), right: true },
        ],
        report.budget.map((b) => [
          b.project,
          money(b.direct, locale),
          money(b.overhead, locale),
          money(b.total, locale),
        ]),
      )}`,
    );
  }
  const r = report.rollups;
  parts.push(rollupTable(t("rep.by", locale, { value: h("rep.by.priority") }), "priority", r.byPriority, locale));
  parts.push(rollupTable(t("rep.by", locale, { value: h("rep.by.programme") }), "programme", r.byProgramme, locale));
  parts.push(rollupTable(t("rep.by", locale, { value: h("rep.by.outcome") }), "outcome", r.byOutcome, locale));
  parts.push(rollupTable(t("rep.by", locale, { value: h("rep.by.year") }), "year", r.byYear, locale));
  return parts.join("\n\n");
}
