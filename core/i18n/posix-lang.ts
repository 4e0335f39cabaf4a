/**
 * The language a POSIX environment asks for (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as
 * `setlocale` reads them). Pure: the environment is passed in, so the CLI, `npm start` and the
 * nightly job's console all decide alike.
 */
import type { Locale } from "#core/snapshot/types.ts";

/** The language of a POSIX locale value ("it_IT.UTF-8" → it, "en_GB" → en), else undefined. */
export function langOfPosixLocale(value: string | undefined): Locale | undefined {
  const m = /^([a-z]{2,3})(?:[_.@-]|$)/i.exec((value ?? "").trim());
  const lang = m?.[1]?.toLowerCase();
  return lang === "it" || lang === "en" ? lang : undefined;
}

/** The language the environment asks for: the first of LC_ALL, LC_MESSAGES, LANG that is set. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Locale | undefined {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const v = env[name];
    // An empty variable is unset; a set one decides, even when it names another language.
    if (v !== undefined && v !== "") return langOfPosixLocale(v);
  }
  return undefined;
}
