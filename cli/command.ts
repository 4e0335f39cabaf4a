/**
 * What a CLI command is, and the helpers every command shares (option parsing, usage errors).
 * A command is one file under `cli/commands/` exporting `command`; `cli/main.ts` lists it in its
 * table with one line.
 */
import { parseArgs } from "node:util";
import type { ParseArgsConfig } from "node:util";
import type { Locale } from "#core/snapshot/types.ts";
import type { CliString } from "./strings.ts";

/** Where a command writes. Tests pass collectors; the binary passes process streams. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Current working directory, for resolving file arguments. */
  cwd: string;
}

/** Exit codes of SPEC §10. */
export const EXIT = { ok: 0, errorsFound: 1, unusable: 2 } as const;

/** One `actionplan <name>` command. */
export interface Command {
  name: string;
  /** One-line summary for `actionplan --help`: a CLI catalogue key, or the text in both languages. */
  summary: CliString | Record<Locale, string>;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: string[], io: CliIO): Promise<number>;
}

/**
 * Bad command line or unusable input: printed as one line on stderr, exit 2. `key` and `params`
 * come from the CLI catalogue so the line is in the user's language.
 */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
  constructor(
    readonly key: CliString,
    readonly params: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(key, options);
  }
}

/** The `--locale` value, defaulting to Italian (SPEC §4); anything else is a usage error. */
export function localeOption(value: string | undefined): Locale {
  if (value === undefined) return "it";
  const v = value.trim().toLowerCase();
  if (v === "it" || v === "en") return v;
  throw new CliUsageError("err.bad-locale", { value });
}

/**
 * The locale to speak in before the arguments are known to be valid: a `--locale` anywhere on
 * the line if it is it/en, else Italian.
 */
export function sniffLocale(argv: readonly string[]): Locale {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    const v = a.startsWith("--locale=") ? a.slice(9) : a === "--locale" ? argv[i + 1] : undefined;
    if (v === "en" || v === "it") return v;
  }
  return "it";
}

/** `node:util` parseArgs in strict mode, its errors turned into one-line usage errors. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: O,
  command: string,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (cause) {
    // Node's message names the option ("Unknown option '--x'"); keep only its first line.
    const message = (cause instanceof Error ? cause.message : String(cause)).split("\n")[0] ?? "";
    throw new CliUsageError("err.bad-option", { value: message, command }, { cause });
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `--today` (for reproducible "dormant" flags), default the current UTC date. */
export function todayOption(value: string | undefined, now: Date = new Date()): string {
  if (value === undefined) return now.toISOString().slice(0, 10);
  const m = ISO_DATE.exec(value);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!day || day.toISOString().slice(0, 10) !== value) throw new CliUsageError("err.bad-today", { value });
  return value;
}
