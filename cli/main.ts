/**
 * `actionplan` entry point: picks the command from a small table and maps every failure to the
 * exit codes of SPEC §10 — 0 no errors, 1 errors found, 2 unreadable file or bad usage — with one
 * line on stderr and never a stack trace (set ACTIONPLAN_DEBUG=1 to see one).
 *
 * To add a command: write `cli/commands/<name>.ts` exporting `command: Command`, add one line to
 * {@link COMMANDS}.
 */
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import type { Locale } from "#core/snapshot/types.ts";
import pkg from "../package.json" with { type: "json" };
import { CliUsageError, EXIT } from "./command.ts";
import type { CliIO, Command } from "./command.ts";
import { writeJsonLine } from "./json-out.ts";
import { splitLang } from "./lang.ts";
import { t } from "./strings.ts";

type Loader = () => Promise<{ command: Command }>;

/** The command table: name → lazy module (so `--help` and each command load only what they need). */
export const COMMANDS: Readonly<Record<string, Loader>> = {
  validate: () => import("./commands/validate.ts"),
  report: () => import("./commands/report.ts"),
  workbooks: () => import("./commands/workbooks.ts"),
  plans: () => import("./commands/plans.ts"),
  members: () => import("./commands/members.ts"),
  movement: () => import("./commands/movement.ts"),
  sync: () => import("./commands/sync.ts"),
  serve: () => import("./commands/serve.ts"),
};

function textOf(text: NonNullable<Command["usage"]>, locale: Locale): string {
  return typeof text === "string" ? t(text, locale) : text[locale];
}

const HELP = new Set(["--help", "-h"]);

async function mainUsage(locale: Locale): Promise<string> {
  const entries = await Promise.all(
    Object.entries(COMMANDS).map(async ([name, load]) => [name, (await load()).command] as const),
  );
  const width = Math.max(...entries.map(([n]) => n.length));
  const commands = entries.map(([name, c]) => `  ${name.padEnd(width)}  ${textOf(c.summary, locale)}`).join("\n");
  return t("usage.main", locale, { commands });
}

/**
 * Runs `actionplan` with the arguments after the program name; resolves to the exit code.
 * `--lang` is taken out here (it may stand anywhere), so every line printed — usage errors
 * included — is in one language; `env` is where LC_ALL/LANG are read (the process's by default).
 */
export async function main(
  argv: string[],
  io: CliIO,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const { lang: locale, args, invalid } = splitLang(argv, env);
  try {
    if (invalid !== undefined) throw new CliUsageError("err.bad-lang", { value: invalid });
    const [name, ...rest] = args;
    if (name === "--version" || name === "-v" || name === "version") {
      io.stdout(t("version", locale, { version: pkg.version }));
      return EXIT.ok;
    }
    if (name === undefined || HELP.has(name) || name === "help") {
      if (name === undefined) {
        io.stderr(`${t("err.prefix", locale)}: ${t("err.no-command", locale)}`);
        return EXIT.unusable;
      }
      io.stdout(await mainUsage(locale));
      return EXIT.ok;
    }
    const load = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (load === undefined) throw new CliUsageError("err.unknown-command", { value: name });
    const { command } = await load();
    // `--help` on every command, before its own parsing (so `members --help` needs no action).
    const stop = rest.indexOf("--");
    const own = stop < 0 ? rest : rest.slice(0, stop);
    if (command.usage !== undefined && own.some((a) => HELP.has(a))) {
      io.stdout(textOf(command.usage, locale));
      return EXIT.ok;
    }
    return await command.run(rest, { ...io, lang: locale });
  } catch (e) {
    if (process.env.ACTIONPLAN_DEBUG === "1")
      io.stderr(e instanceof Error ? (e.stack ?? e.message) : String(e));
    if (e instanceof CliUsageError) {
      io.stderr(`${t("err.prefix", locale)}: ${t(e.key, locale, e.params)}`);
      return EXIT.unusable;
    }
    // A bug, not the user's fault: still one line, still no stack.
    const message = (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "";
    io.stderr(`${t("err.prefix", locale)}: ${t("err.internal", locale, { value: message })}`);
    return EXIT.unusable;
  }
}

/**
 * Standard output failed (a full disk, a closed pipe): one line, exit 2. A reader that closed the
 * pipe early (`actionplan report x.xlsx | head`) is no failure to report: Node would otherwise
 * print an unhandled EPIPE with its stack.
 */
function outputFailed(e: NodeJS.ErrnoException): never {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  const locale = splitLang(process.argv.slice(2), process.env).lang;
  process.stderr.write(`${t("err.prefix", locale)}: ${t("err.output", locale, { value: e.message.split("\n")[0] ?? "" })}\n`);
  process.exit(EXIT.unusable);
}

/** The process streams as CLI output. */
export function processIO(): CliIO {
  return {
    // Two writes rather than `${text}\n`: the concatenation would copy a long text once more.
    stdout: (text) => {
      process.stdout.write(text);
      if (!text.endsWith("\n")) process.stdout.write("\n");
    },
    json: (value) => {
      try {
        writeJsonLine(process.stdout, value);
      } catch (e) {
        outputFailed(e as NodeJS.ErrnoException);
      }
    },
    stderr: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    cwd: process.cwd(),
  };
}

/** Runs main on process.argv and sets the exit code (lets stdout drain instead of process.exit). */
export async function runProcess(): Promise<void> {
  process.stdout.on("error", outputFailed);
  process.exitCode = await main(process.argv.slice(2), processIO());
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) await runProcess();
