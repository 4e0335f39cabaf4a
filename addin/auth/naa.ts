/**
 * Nested app authentication (NAA) inside Office, as Microsoft documents it for add-ins
 * (learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in):
 * MSAL's nestable client, a silent request first with the login hint Office gives
 * (`Office.auth.getAuthContext()`), a prompt only when MSAL says interaction is required
 * (`InteractionRequiredAuthError`) and only after a user's click. No `setActiveAccount`: NAA
 * does not support it; the account of the last result is passed back instead. MSAL is loaded on
 * first use so the task pane's first render does not wait for it.
 */
import { AuthError } from "./token-source.ts";
import type { AuthFailure, TokenSource } from "./token-source.ts";

export interface NaaConfig {
  /** The add-in's Entra ID application (client) id. */
  clientId: string;
  /** Authority, e.g. "https://login.microsoftonline.com/<tenant>". */
  authority?: string;
  /** Scopes of the API, e.g. ["api://<api-app-id>/access_as_user"]. */
  scopes: string[];
}

/** The account part of an MSAL result the pane uses. */
export interface NaaAccount {
  name?: string;
  username: string;
}

/** A token request as MSAL takes it (only the fields we set). */
export interface NaaRequest {
  scopes: string[];
  loginHint?: string;
  account?: NaaAccount;
}

/** The part of MSAL's nestable public client the add-in calls (a test stubs the NAA bridge here). */
export interface NaaClient {
  acquireTokenSilent(request: NaaRequest): Promise<{ accessToken: string; account: NaaAccount | null }>;
  acquireTokenPopup(request: NaaRequest): Promise<{ accessToken: string; account: NaaAccount | null }>;
  clearCache(): Promise<void>;
}

/** Where the NAA source gets its client and the Office login hint. */
export interface NaaDeps {
  /** Creates the nestable client (default: MSAL's `createNestablePublicClientApplication`). */
  createClient?: (config: NaaConfig) => Promise<NaaClient>;
  /** The signed-in Office user's login hint (`Office.auth.getAuthContext()`), if Office gives one. */
  loginHint?: () => Promise<string | undefined>;
}

/** MSAL's nestable client, loaded on first use. */
async function msalClient(config: NaaConfig): Promise<NaaClient> {
  const msal = await import("@azure/msal-browser");
  const pca = await msal.createNestablePublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority ?? "https://login.microsoftonline.com/common" },
  });
  return pca as unknown as NaaClient;
}

/** MSAL's error code (`errorCode`) of an error, checked by shape so MSAL need not be loaded. */
function errorCode(e: unknown): string {
  const code = (e as { errorCode?: unknown } | null)?.errorCode;
  return typeof code === "string" ? code : "";
}

/** The failure kind of an interactive request that threw. */
export function interactiveFailure(e: unknown): AuthFailure {
  const code = errorCode(e);
  if (code === "user_cancelled" || code === "user_canceled") return "cancelled";
  if (code === "popup_window_error" || code === "empty_window_error" || code === "monitor_window_timeout") return "popup-blocked";
  return "interactive-failed";
}

/** true only for MSAL's `InteractionRequiredAuthError` (a prompt can fix it). */
export function isInteractionRequired(e: unknown): boolean {
  return e instanceof Error && e.name === "InteractionRequiredAuthError";
}

/**
 * A `TokenSource` over nested app authentication.
 *
 * @example
 * const auth = naaTokenSource({ clientId, scopes: [scope] }, { loginHint: officeLoginHint });
 * const token = await auth.getToken(); // silent; undefined when a click is needed
 */
export function naaTokenSource(config: NaaConfig, deps: NaaDeps = {}): TokenSource {
  const create = deps.createClient ?? msalClient;
  let pca: Promise<NaaClient> | undefined;
  let account: NaaAccount | undefined;
  let hint: Promise<string | undefined> | undefined;
  // After "sign out" the pane stays signed out until the user clicks "sign in" (NAA would
  // otherwise sign the same Office user in again silently on the next request).
  let signedOut = false;
  const client = async (): Promise<NaaClient> => {
    try {
      return await (pca ??= create(config));
    } catch (cause) {
      pca = undefined;
      throw new AuthError("nested app authentication is not available", { cause, code: "naa-unavailable" });
    }
  };
  // Office may not offer the auth context (older builds): no hint, MSAL still works without it.
  const loginHint = (): Promise<string | undefined> =>
    (hint ??= (deps.loginHint?.() ?? Promise.resolve(undefined)).then(
      (h) => (h !== undefined && h.trim() !== "" ? h : undefined),
      () => undefined,
    ));
  const request = async (): Promise<NaaRequest> => {
    const h = await loginHint();
    return { scopes: config.scopes, ...(account ? { account } : h !== undefined ? { loginHint: h } : {}) };
  };
  return {
    async getToken(options) {
      if (signedOut && options?.interactive !== true) return undefined;
      const app = await client();
      try {
        const result = await app.acquireTokenSilent(await request());
        account = result.account ?? account;
        signedOut = false;
        return result.accessToken;
      } catch (e) {
        if (!isInteractionRequired(e)) throw new AuthError("silent sign-in failed", { cause: e, code: "silent-failed" });
        if (options?.interactive !== true) return undefined;
      }
      try {
        const { account: _known, ...popup } = await request();
        const result = await app.acquireTokenPopup(popup);
        account = result.account ?? undefined;
        signedOut = false;
        return result.accessToken;
      } catch (cause) {
        throw new AuthError("sign-in was not completed", { cause, code: interactiveFailure(cause) });
      }
    },
    user: () => account?.name ?? account?.username,
    async signOut() {
      account = undefined;
      signedOut = true;
      if (pca !== undefined) await (await pca).clearCache();
    },
  };
}
