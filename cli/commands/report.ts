/** `actionplan report <file.xlsx> [--locale it|en] [--strict] [--json]` (SPEC §10). */
import type { Command } from "../command.ts";
import { renderReport } from "../render-report.ts";
import { runAnalyzeCommand } from "./analyze-command.ts";

export const command: Command = {
  name: "report",
  summary: "cmd.report",
  run: (args, io) =>
    runAnalyzeCommand(
      { name: "report", usage: "usage.report", strict: true, render: renderReport },
      args,
      io,
    ),
};
