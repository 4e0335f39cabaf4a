/**
 * The language the CLI speaks (SPEC §10): `--lang it|en` anywhere on the line, else the POSIX
 * locale of the environment (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as `setlocale` reads
 * them), else Italian. It only chooses the words printed; how cells are read is `--locale`.
 */
import type { Locale } from "#core/snapshot/types.ts";
import { langFromEnv } from "#core/i18n/posix-lang.ts";

/** The arguments with `--lang` taken out, and what it said. */
export interface LangSplit {
  lang: Locale;
  args: string[];
  /** The value of a `--lang` that is not it/en (a usage error, reported in `lang`). */
  invalid?: string;
}

/**
 * Takes `--lang <v>` / `--lang=<v>` out of the arguments (the last one wins) and decides the
 * language: the option, else the environment, else Italian.
 */
export function splitLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): LangSplit {
  const args: string[] = [];
  let chosen: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--") {
      args.push(...argv.slice(i));
      break;
    }
    if (a.startsWith("--lang=")) chosen = a.slice(7);
    else if (a === "--lang") chosen = argv[++i] ?? "";
    else args.push(a);
  }
  const fallback = langFromEnv(env) ?? "it";
  if (chosen === undefined) return { lang: fallback, args };
  const v = chosen.trim().toLowerCase();
  if (v === "it" || v === "en") return { lang: v, args };
  return { lang: fallback, args, invalid: chosen };
}
