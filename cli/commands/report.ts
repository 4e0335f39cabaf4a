/**
 * `actionplan report <file.xlsx> [--locale it|en] [--strict] [--json]` (SPEC §10), and
 * `actionplan report --plan <id> [--as-of <date>] [--json]` for the plan in the cloud (plan-report.ts).
 */
import type { Command } from "../command.ts";
import { renderReport } from "../render-report.ts";
import { runAnalyzeCommand } from "./analyze-command.ts";
import { runPlanReport } from "./plan-report.ts";

const FOR_PLAN = /^--plan(=|$)/;
const HELP = new Set(["--help", "-h"]);

export const command: Command = {
  name: "report",
  summary: "cmd.report",
  run: (args, io) =>
    args.some((a) => FOR_PLAN.test(a)) && !args.some((a) => HELP.has(a))
      ? runPlanReport(args, io)
      : runAnalyzeCommand({ name: "report", usage: "usage.report", strict: true, render: renderReport }, args, io),
};
