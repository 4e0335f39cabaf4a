/**
 * The nightly console (`npm run nightly`, `npm start`'s schedule) in the person's language: each
 * file's status as a word with its counts, never the report's codes (`skipped-unchanged`,
 * `applied=0`), the first problems and how many more, and the summary by reason.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "#tests/cli/helpers.ts";
import type { RunFile } from "#core/sync/protocol.ts";
import { consoleReport, SHOWN_ERRORS } from "#functions/nightly/console-report.ts";
import type { LocalRunResult } from "#functions/nightly/local-run.ts";

function file(over: Partial<RunFile>): RunFile {
  return { file: "piano.xlsx", status: "unchanged", applied: 0, unchanged: 0, conflicts: 0, invalid: 0, errors: [], ...over };
}

function run(files: RunFile[], unassigned: string[] = []): LocalRunResult {
  return { reports: [{ runId: "r", plan: "piano-1", startedAt: "", finishedAt: "", files }], unassigned };
}

describe("the nightly console", () => {
  it.each([
    ["it", "piano-1  piano.xlsx: non modificato dall'ultima volta: restano aperti i problemi elencati — applicate 0, invariate 0, conflitti 1, non valide 0"],
    ["en", "piano-1  piano.xlsx: not modified since last time: the problems listed are still open — applied 0, unchanged 0, conflicts 1, invalid 0"],
  ] as const)("says a file's status and counts in words (%s)", (lang, line) => {
    // Act
    const report = consoleReport(run([file({ status: "skipped-unchanged", conflicts: 1 })]), lang, "/w");
    // Assess
    expect(report.lines[0]).toBe(line);
    expect(report.lines.join("\n")).not.toMatch(/skipped-unchanged|applied=|conflicts=/);
    expect(report.needsPerson).toBe(true);
  });

  it("lists the first problems of a file and counts the rest, then sums up the night by reason", () => {
    // Prepare
    const errors = Array.from({ length: SHOWN_ERRORS + 3 }, (_, i) => ({ message: `problema ${String(i)}`, sheet: "Progetti", cell: `A${String(i + 2)}` }));
    // Act
    const { lines, needsPerson } = consoleReport(run([file({ status: "needs-attention", invalid: 13, errors }), file({ file: "altro.xlsx", status: "applied", applied: 2 })], ["senza.xlsx"]), "it", "/w");
    // Assess
    expect(lines).toEqual([
      "senza.xlsx: nessun piano (manca il foglio di sincronizzazione): usare --plan <id>",
      "piano-1  piano.xlsx: da guardare — applicate 0, invariate 0, conflitti 0, non valide 13",
      ...errors.slice(0, SHOWN_ERRORS).map((e) => `    Progetti!${e.cell} ${e.message}`),
      "    … e altri 3 problemi",
      "piano-1  altro.xlsx: aggiornato — applicate 2, invariate 0, conflitti 0, non valide 0",
      "3 file; saltati: 0 invariati, 1 senza piano; 2 da guardare",
    ]);
    expect(needsPerson).toBe(true);
  });

  it("needs no person when every file was applied or had nothing new", () => {
    const report = consoleReport(run([file({ status: "applied", applied: 1 }), file({ file: "b.xlsx" })]), "en", "/w");
    expect(report.needsPerson).toBe(false);
    expect(report.lines.at(-1)).toBe("2 files; skipped: 0 unchanged, 0 with no plan; 0 needing a person");
  });
});

describe("npm run nightly's command line", () => {
  /** Runs the script as `npm run nightly` does (through tsx), with `env` over the test's environment; it must exit 2. */
  async function refused(args: string[], env: Record<string, string> = {}): Promise<string> {
    try {
      await promisify(execFile)("npx", ["tsx", "functions/nightly/run-local.ts", ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, timeout: 60_000 });
    } catch (error) {
      const { code, stderr } = error as { code?: number; stderr?: string };
      expect(code).toBe(2);
      return stderr ?? "";
    }
    throw new Error(`${args.join(" ")} was accepted`);
  }

  it.each([
    ["an unknown option, in Italian by default", ["--nope"], {}, "npm run nightly: opzione sconosciuta --nope (npm run nightly accetta --dir <cartella> e --plan <id>)\n"],
    ["a missing value, in English with LANG=en_US.UTF-8", ["--dir"], { LC_ALL: "", LANG: "en_US.UTF-8" }, "npm run nightly: option --dir needs a value\n"],
  ])("is refused in one line of its own words, never Node's: %s", async (_name, args, env, line) => {
    expect(await refused(args, env)).toBe(line);
  }, 60_000);
});
