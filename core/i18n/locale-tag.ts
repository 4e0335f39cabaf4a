import type { Locale } from "#core/snapshot/types.ts";

/**
 * The BCP-47 tag each UI language formats with. British English: the cluster writes dates day
 * first in both languages, and en-GB is what EU programme documents use.
 */
export function localeTag(locale: Locale): string {
  return locale === "en" ? "en-GB" : "it-IT";
}
