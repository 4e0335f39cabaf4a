/** User settings kept in the browser's storage (per user and machine, not in the workbook). */
import { isLocale } from "#addin/i18n/locale.ts";
import type { SettingsStore, UserSettings } from "../services.ts";

const KEY = "actionplan.settings.v1";

/** A store over `storage` (localStorage in the pane); `defaults` fill what was never saved. */
export function storageSettings(
  storage: Pick<Storage, "getItem" | "setItem">,
  defaults: UserSettings,
): SettingsStore {
  return {
    load() {
      let raw: unknown;
      try {
        raw = JSON.parse(storage.getItem(KEY) ?? "null");
      } catch {
        raw = null;
      }
      const o = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
      const apiUrl = typeof o["apiUrl"] === "string" && o["apiUrl"] !== "" ? o["apiUrl"] : defaults.apiUrl;
      const language = isLocale(o["language"]) ? o["language"] : defaults.language;
      const meeting = o["boardMeeting"];
      return {
        apiUrl,
        ...(language === undefined ? {} : { language }),
        ...(typeof meeting === "string" && /^\d{4}-\d{2}-\d{2}$/.test(meeting) ? { boardMeeting: meeting } : {}),
      };
    },
    save(settings) {
      storage.setItem(KEY, JSON.stringify(settings));
    },
  };
}

/** A store that lives only in memory (tests, pages without storage). */
export function memorySettings(initial: UserSettings): SettingsStore {
  let current = { ...initial };
  return {
    load: () => ({ ...current }),
    save: (s) => {
      current = { ...s };
    },
  };
}
