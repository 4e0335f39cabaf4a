/**
 * Nested app authentication (NAA) inside Office: the add-in asks the Office host for an Entra ID
 * token for the API through MSAL's nestable client, silently first and with a prompt only after a
 * user's click. MSAL is loaded on first use so the task pane's first render does not wait for it.
 */
import type { AccountInfo, IPublicClientApplication } from "@azure/msal-browser";
import { AuthError } from "./token-source.ts";
import type { TokenSource } from "./token-source.ts";

export interface NaaConfig {
  /** The add-in's Entra ID application (client) id. */
  clientId: string;
  /** Authority, e.g. "https://login.microsoftonline.com/common". */
  authority?: string;
  /** Scopes of the API, e.g. ["api://<api-app-id>/access_as_user"]. */
  scopes: string[];
}

/** true for MSAL's "a prompt is needed" errors, checked by name so MSAL need not be loaded. */
function needsInteraction(e: unknown): boolean {
  return e instanceof Error && (e.name === "InteractionRequiredAuthError" || e.name === "BrowserAuthError");
}

/** A `TokenSource` backed by `createNestablePublicClientApplication`. */
export function naaTokenSource(config: NaaConfig): TokenSource {
  let pca: Promise<IPublicClientApplication> | undefined;
  let account: AccountInfo | undefined;
  const app = (): Promise<IPublicClientApplication> =>
    (pca ??= import("@azure/msal-browser").then((msal) =>
      msal.createNestablePublicClientApplication({
        auth: {
          clientId: config.clientId,
          authority: config.authority ?? "https://login.microsoftonline.com/common",
        },
      }),
    ));
  return {
    async getToken(options) {
      let client: IPublicClientApplication;
      try {
        client = await app();
      } catch (cause) {
        throw new AuthError("nested app authentication is not available", { cause });
      }
      const known = account ?? client.getActiveAccount() ?? client.getAllAccounts()[0];
      try {
        const result = await client.acquireTokenSilent({
          scopes: config.scopes,
          ...(known ? { account: known } : {}),
        });
        account = result.account;
        return result.accessToken;
      } catch (e) {
        if (!needsInteraction(e)) throw new AuthError("silent sign-in failed", { cause: e });
        if (options?.interactive !== true) return undefined;
      }
      try {
        const result = await client.acquireTokenPopup({ scopes: config.scopes });
        account = result.account;
        client.setActiveAccount(result.account);
        return result.accessToken;
      } catch (cause) {
        throw new AuthError("sign-in was not completed", { cause });
      }
    },
    user: () => account?.name ?? account?.username,
    async signOut() {
      account = undefined;
      if (pca !== undefined) await (await pca).clearCache();
    },
  };
}
