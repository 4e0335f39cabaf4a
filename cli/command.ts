/**
 * What a CLI command is, and the helpers every command shares (option parsing, usage errors).
 * A command is one file under `cli/commands/` exporting `command`; `cli/main.ts` lists it in its
 * table with one line.
 */
import { parseArgs } from "node:util";
import type { ParseArgsConfig } from "node:util";
import { clusterToday } from "#core/i18n/formats.ts";
import { parseArgsFault, type ParseArgsFault } from "#core/i18n/parse-args-fault.ts";
import type { Locale } from "#core/snapshot/types.ts";
import type { CliString } from "./strings.ts";

/** Where a command writes. Tests pass collectors; the binary passes process streams. */
export interface CliIO {
  stdout(text: string): void;
  /**
   * Prints a JSON document: the same text as `stdout(JSON.stringify(value))`, written in pieces
   * (cli/json-out.ts). Optional: {@link printJson} falls back to exactly that.
   */
  json?(value: unknown): void;
  stderr(text: string): void;
  /** Current working directory, for resolving file arguments. */
  cwd: string;
  /** The language of everything printed (`--lang`, else LC_ALL/LANG, else it); main sets it. */
  lang?: Locale;
}

/** Prints a `--json` document through the IO's own JSON writer when it has one. */
export function printJson(io: CliIO, value: unknown): void {
  if (io.json) io.json(value);
  else io.stdout(JSON.stringify(value));
}

/** The language a command speaks in: what main decided, Italian when called without it. */
export function langOf(io: CliIO): Locale {
  return io.lang ?? "it";
}

/** Exit codes of SPEC §10. */
export const EXIT = { ok: 0, errorsFound: 1, unusable: 2 } as const;

/** One `actionplan <name>` command. */
export interface Command {
  name: string;
  /** One-line summary for `actionplan --help`: a CLI catalogue key, or the text in both languages. */
  summary: CliString | Record<Locale, string>;
  /**
   * `actionplan <name> --help`: a CLI catalogue key, or the text in both languages. main prints
   * it for `--help`/`-h` anywhere after the command; a command without one handles `--help` itself.
   */
  usage?: CliString | Record<Locale, string>;
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
    readonly params: Readonly<Record<string, string | number>> = {},
    options?: { cause?: unknown },
  ) {
    super(key, options);
  }
}

/**
 * A `--locale` value (how cells are read, SPEC §10), undefined when not given so the workbook's
 * own locale or its headings' language decide; anything but it/en is a usage error.
 */
export function readingLocaleOption(value: string | undefined): Locale | undefined {
  return value === undefined ? undefined : localeOption(value);
}

/** A locale option's value (it/en), Italian when absent; anything else is a usage error. */
export function localeOption(value: string | undefined): Locale {
  if (value === undefined) return "it";
  const v = value.trim().toLowerCase();
  if (v === "it" || v === "en") return v;
  throw new CliUsageError("err.bad-locale", { value });
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
    throw parseArgsError(cause, command);
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `--today` (for reproducible "dormant" flags), default the cluster's current day (Rome). */
export function todayOption(value: string | undefined, now: Date = new Date()): string {
  if (value === undefined) return clusterToday(now);
  const m = ISO_DATE.exec(value);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!day || day.toISOString().slice(0, 10) !== value) throw new CliUsageError("err.bad-today", { value });
  return value;
}

const PARSE_ERRORS: Readonly<Record<ParseArgsFault["kind"], CliString>> = {
  "unknown-option": "err.unknown-option",
  "option-needs-value": "err.option-needs-value",
  "option-takes-no-value": "err.option-takes-no-value",
  "unexpected-argument": "err.extra-args",
};

/**
 * Node's parseArgs error as our usage error, in the user's language: Node's English sentence is
 * never shown, only the option it names ("Unknown option '--x'" → `--x`).
 */
export function parseArgsError(cause: unknown, command: string): CliUsageError {
  const { kind, token } = parseArgsFault(cause);
  const params: Record<string, string> = kind === "unexpected-argument" ? { value: token || command } : { option: token, command };
  return new CliUsageError(PARSE_ERRORS[kind], params, { cause });
}
