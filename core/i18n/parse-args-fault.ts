/**
 * Node's parseArgs errors (`node:util`) read without their English sentence, so every entry point
 * says them in its own words and language: the CLI (cli/command.ts), `npm start` (dev/options.ts)
 * and `npm run nightly` (functions/nightly/run-local.ts). Pure: it only reads the error's code and
 * the token Node quotes.
 */

/** What Node's parseArgs refused, without its English sentence: the kind and the token it names. */
export interface ParseArgsFault {
  kind: "unknown-option" | "option-needs-value" | "option-takes-no-value" | "unexpected-argument";
  /** The option or argument Node quotes ("Unknown option '--x'" → `--x`), "" when it quotes none. */
  token: string;
}

/**
 * Reads Node's parseArgs error by its code (its message only for the quoted token and for the two
 * kinds ERR_PARSE_ARGS_INVALID_OPTION_VALUE covers), so every entry point can say it in its own
 * words.
 */
export function parseArgsFault(cause: unknown): ParseArgsFault {
  const message = cause instanceof Error ? cause.message : String(cause);
  const code = (cause as { code?: unknown } | null)?.code;
  // The first quoted span, without the " <value>" Node adds to a string option's name.
  const token = (/'([^']*)'/.exec(message)?.[1] ?? "").replace(/ <value>$/, "");
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return { kind: "unknown-option", token };
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return { kind: /does not take an argument/.test(message) ? "option-takes-no-value" : "option-needs-value", token };
  // An unexpected positional, or an error Node adds later: the words stay ours.
  return { kind: "unexpected-argument", token };
}
