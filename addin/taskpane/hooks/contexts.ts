/**
 * React contexts of the task pane: the services (host, auth, settings) and the UI language.
 * One provider each, set by `<App>`; components read them through the hooks below.
 */
import { createContext, useContext } from "react";
import type { Locale } from "#core/snapshot/types.ts";
import { translator } from "#addin/i18n/strings.ts";
import type { Translate } from "#addin/i18n/strings.ts";
import type { TaskpaneServices } from "../services.ts";

export const ServicesContext = createContext<TaskpaneServices | undefined>(undefined);

/** The task pane's services; throws when used outside `<App>` (a programming error). */
export function useServices(): TaskpaneServices {
  const services = useContext(ServicesContext);
  if (services === undefined) throw new Error("useServices() outside <App>");
  return services;
}

export interface LocaleValue {
  locale: Locale;
  t: Translate;
}

export const LocaleContext = createContext<LocaleValue>({ locale: "en", t: translator("en") });

/** The UI language and its translator. */
export function useLocale(): LocaleValue {
  return useContext(LocaleContext);
}
