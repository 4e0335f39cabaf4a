/**
 * Builds the task pane's services inside Office: the Excel adapter over `Excel.run`, the Office
 * display language and theme, settings in the pane's storage, and the token source (nested app
 * authentication when an Entra client id is configured, the Office dialog where NAA is missing,
 * else — in a development build only — the local stack's dev token).
 * Configuration comes from `<meta name="actionplan:…">` tags written by the build.
 */
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import type { ExcelRun } from "#addin/excel/api.ts";
import { WEB_MAX_CELLS_PER_SYNC } from "#addin/excel/read-snapshot.ts";
import { sharedExcelAdapter } from "#addin/excel/shared-adapter.ts";
import { markAuthor } from "#addin/shared/mark-author.ts";
import { naaTokenSource } from "#addin/auth/naa.ts";
import { DialogError, dialogTokenSource } from "#addin/auth/dialog-token.ts";
import { devTokenSource } from "#addin/auth/dev-token.ts";
import { AuthError } from "#addin/auth/token-source.ts";
import type { TokenSource } from "#addin/auth/token-source.ts";
import { hostFromAdapter } from "./excel-host.ts";
import { clusterToday } from "#core/i18n/formats.ts";
import { isDarkColor } from "./theme.ts";
import { storageSettings } from "./settings/settings-store.ts";
import type { TaskpaneServices } from "./services.ts";

/**
 * Compile-time constant set by the build (addin/build/build.ts): `false` in a release, where
 * esbuild then drops the dev-token branch below and the bundle cannot ask for dev tokens.
 */
declare const ACTIONPLAN_DEV_TOKENS: boolean;

function meta(name: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="actionplan:${name}"]`)?.content.trim() ?? "";
}

/** The signed-in Office user's login hint, where Office offers its auth context (NestedAppAuth 1.1). */
async function officeLoginHint(): Promise<string | undefined> {
  const context = await Office.auth.getAuthContext();
  return context.loginHint || context.userPrincipalName || undefined;
}

/** Opens `url` in an Office dialog and resolves with its first message (Office.context.ui). */
function openOfficeDialog(url: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new DialogError(opened.error.code));
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        if ("message" in arg) resolvePromise(arg.message);
        else reject(new DialogError(arg.error));
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
        reject(new DialogError("error" in arg ? arg.error : 12006));
      });
    });
  });
}

/** A source that always says why nobody can sign in (a page built without the release step). */
function notConfigured(): TokenSource {
  return {
    getToken: () =>
      Promise.reject(new AuthError("this build carries no Entra ID settings (npm run release)", { code: "not-configured" })),
    user: () => undefined,
    signOut: () => Promise.resolve(),
  };
}

/**
 * Sign-in as Microsoft documents it for add-ins: nested app authentication where Office supports
 * it (`NestedAppAuth 1.1`), else the Office dialog API fallback; dev tokens only in a dev build.
 */
function tokenSource(apiUrl: () => string): TokenSource {
  const clientId = meta("client-id");
  if (clientId !== "") {
    const config = {
      clientId,
      ...(meta("authority") ? { authority: meta("authority") } : {}),
      scopes: meta("scopes").split(/\s+/).filter(Boolean),
    };
    if (Office.context.requirements.isSetSupported("NestedAppAuth", "1.1"))
      return naaTokenSource(config, { loginHint: officeLoginHint });
    return dialogTokenSource({
      openDialog: openOfficeDialog,
      dialogUrl: new URL("auth-dialog.html", location.href).href,
    });
  }
  // The constant folds at build time, so a release bundles no dev-token code at all.
  return ACTIONPLAN_DEV_TOKENS ? devTokens(apiUrl) : notConfigured();
}

/** No Entra app configured in a development build: a developer running against `actionplan serve`. */
function devTokens(apiUrl: () => string): TokenSource {
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
    // One adapter with the custom functions (shared runtime): one record of our own writes.
    host: hostFromAdapter(
      sharedExcelAdapter(
        () =>
          new ExcelAdapter({
            run,
            author: markAuthor(window.localStorage),
            ...(Office.context.platform === Office.PlatformType.OfficeOnline
              ? { read: { maxCellsPerSync: WEB_MAX_CELLS_PER_SYNC } }
              : {}),
          }),
      ),
    ),
    settings,
    auth: tokenSource(() => settings.load().apiUrl),
    displayLanguage: Office.context.displayLanguage,
    theme: isDarkColor(Office.context.officeTheme?.bodyBackgroundColor) ? "dark" : "light",
    today: () => clusterToday(),
  };
}
