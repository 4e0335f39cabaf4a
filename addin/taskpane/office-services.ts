/**
 * Builds the task pane's services inside Office: the Excel adapter over `Excel.run`, the Office
 * display language and theme, settings in the pane's storage, and the token source (nested app
 * authentication when an Entra client id is configured, else the local stack's dev token).
 * Configuration comes from `<meta name="actionplan:…">` tags written by the build.
 */
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import type { ExcelRun } from "#addin/excel/api.ts";
import { naaTokenSource } from "#addin/auth/naa.ts";
import { devTokenSource } from "#addin/auth/dev-token.ts";
import type { TokenSource } from "#addin/auth/token-source.ts";
import { hostFromAdapter } from "./excel-host.ts";
import { isDarkColor } from "./theme.ts";
import { storageSettings } from "./settings/settings-store.ts";
import type { TaskpaneServices } from "./services.ts";

function meta(name: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="actionplan:${name}"]`)?.content.trim() ?? "";
}

function tokenSource(apiUrl: () => string): TokenSource {
  const clientId = meta("client-id");
  if (clientId !== "") {
    return naaTokenSource({
      clientId,
      ...(meta("authority") ? { authority: meta("authority") } : {}),
      scopes: meta("scopes").split(/\s+/).filter(Boolean),
    });
  }
  // No Entra app configured: this is a developer running against `actionplan serve`.
  let source: TokenSource | undefined;
  let forUrl = "";
  const current = (): TokenSource => {
    if (source === undefined || forUrl !== apiUrl()) {
      forUrl = apiUrl();
      source = devTokenSource(forUrl, meta("dev-user") || "dev");
    }
    return source;
  };
  return {
    getToken: (o) => current().getToken(o),
    user: () => current().user(),
    signOut: () => current().signOut(),
  };
}

export function officeServices(): TaskpaneServices {
  const run: ExcelRun = (batch) =>
    Excel.run((context) => batch(context as unknown as Parameters<typeof batch>[0]));
  const settings = storageSettings(window.localStorage, { apiUrl: meta("api-url") });
  return {
    host: hostFromAdapter(new ExcelAdapter({ run })),
    settings,
    auth: tokenSource(() => settings.load().apiUrl),
    displayLanguage: Office.context.displayLanguage,
    theme: isDarkColor(Office.context.officeTheme?.bodyBackgroundColor) ? "dark" : "light",
    today: () => new Date().toISOString().slice(0, 10),
  };
}
