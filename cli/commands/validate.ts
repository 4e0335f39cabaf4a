/** `actionplan validate <file.xlsx> [--locale it|en] [--json]` (SPEC §10). */
import type { Command } from "../command.ts";
import { renderIssues } from "../render-issues.ts";
import { runAnalyzeCommand } from "./analyze-command.ts";

export const command: Command = {
  name: "validate",
  summary: "cmd.validate",
  run: (args, io) =>
    runAnalyzeCommand(
      { name: "validate", usage: "usage.validate", strict: false, render: renderIssues },
      args,
      io,
    ),
};
