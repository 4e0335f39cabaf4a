/**
 * Which language the task pane speaks. Office gives a BCP-47 display language ("it-IT", "en-US");
 * the user may override it in Settings. Anything that is not Italian falls back to English
 * because English is the cluster's second working language (annual report, EU proposals).
 */
import type { Locale } from "#core/snapshot/types.ts";

/** The languages the UI ships in. */
export const UI_LOCALES: readonly Locale[] = ["it", "en"];

/**
 * Maps a BCP-47 language tag to a UI locale.
 * @example localeFromLanguageTag("it-IT") // "it"
 * @example localeFromLanguageTag("de-DE") // "en"
 */
export function localeFromLanguageTag(tag: string | undefined | null): Locale {
  if (typeof tag !== "string") return "en";
  return /^it(?:[-_]|$)/i.test(tag.trim()) ? "it" : "en";
}

/** true when `value` is one of the UI locales (used to read query strings and stored settings). */
export function isLocale(value: unknown): value is Locale {
  return value === "it" || value === "en";
}

/** The override when set, else the Office display language. */
export function resolveLocale(override: Locale | undefined, displayLanguage: string | undefined): Locale {
  return override ?? localeFromLanguageTag(displayLanguage);
}
