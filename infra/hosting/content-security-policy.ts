/**
 * The Content-Security-Policy of the add-in's pages: scripts from the site itself and Microsoft's
 * Office.js CDN only; network calls to the site, Entra ID sign-in and the API only. Pure: the
 * API address comes from the release being deployed (release.json).
 */

/** Where Office.js is loaded from (addin/build/build.ts OFFICE_JS_CDN's origin). */
export const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";
/** Entra ID sign-in (MSAL's token requests in the dialog fallback, its redirect frames). */
export const ENTRA_ORIGIN = "https://login.microsoftonline.com";

/**
 * The policy for a release whose API is at `apiUrl` (undefined: nothing deployed yet).
 *
 * - `style-src 'unsafe-inline'`: Fluent UI (Griffel) inserts its styles at run time, and the
 *   pages carry a small `<style>`; scripts stay strictly `'self'` + Office.js.
 * - no `frame-ancestors` (and no X-Frame-Options): Office on the web shows the task pane in an
 *   iframe of Microsoft's own, changing set of hosts; restricting them would break Excel on the web.
 *
 * @example
 * contentSecurityPolicy("https://abc.execute-api.eu-south-1.amazonaws.com")
 */
export function contentSecurityPolicy(apiUrl: string | undefined): string {
  const api = apiUrl === undefined ? [] : [new URL(apiUrl).origin];
  const directives: Array<[string, string[]]> = [
    ["default-src", ["'none'"]],
    ["script-src", ["'self'", OFFICE_JS_ORIGIN]],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:"]],
    ["font-src", ["'self'"]],
    ["connect-src", ["'self'", ...api, ENTRA_ORIGIN]],
    ["frame-src", [ENTRA_ORIGIN]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'none'"]],
    ["object-src", ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${[...new Set(sources)].join(" ")}`).join("; ");
}
