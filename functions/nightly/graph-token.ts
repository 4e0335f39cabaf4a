/**
 * App-only Microsoft Graph tokens for the nightly job: MSAL's ConfidentialClientApplication with
 * the client-credentials grant (scope `https://graph.microsoft.com/.default`). MSAL caches the
 * token in memory and renews it before expiry, so callers simply ask for one per request.
 */
import { ConfidentialClientApplication } from "@azure/msal-node";
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";
import type { Agent } from "node:https";
import { DetailedError } from "./fetch-detail.ts";
import { sendRequest } from "./http-request.ts";

/** The nightly app's credential and where to get tokens. */
export interface GraphTokenOptions {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** @default `https://login.microsoftonline.com/<tenantId>` */
  readonly authority?: string;
  /** Hosts MSAL may trust without cloud discovery (needed for any non-Microsoft authority). */
  readonly knownAuthorities?: readonly string[];
  /** @default `https://graph.microsoft.com/.default` */
  readonly scope?: string;
  /** TLS agent for the token endpoint. */
  readonly agent?: Agent;
}

/** Returns a valid access token (cached by MSAL until shortly before it expires). */
export type TokenProvider = () => Promise<string>;

/** Entra ID refused the credential or could not be reached. */
export class GraphAuthError extends DetailedError {
  override readonly name = "GraphAuthError";
}

/** MSAL's network module on our HTTP client, so the token endpoint shares the TLS agent. */
function networkModule(agent: Agent | undefined): INetworkModule {
  const call = async <T>(method: "GET" | "POST", url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> => {
    const res = await sendRequest(url, {
      method,
      ...(options?.headers ? { headers: options.headers } : {}),
      ...(options?.body !== undefined ? { body: options.body } : {}),
      ...(agent ? { agent } : {}),
      ...(timeout ? { timeoutMs: timeout } : {}),
    });
    const text = res.body.toString("utf8");
    return { status: res.status, headers: { ...res.headers }, body: (text ? JSON.parse(text) : {}) as T };
  };
  return {
    sendGetRequestAsync: (url, options, timeout) => call("GET", url, options, timeout),
    sendPostRequestAsync: (url, options) => call("POST", url, options),
  };
}

/**
 * Creates a token provider for the nightly app.
 *
 * @example
 * const token = createGraphTokenProvider({ tenantId, clientId, clientSecret });
 * const bearer = await token();
 */
export function createGraphTokenProvider(options: GraphTokenOptions): TokenProvider {
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      authority: options.authority ?? `https://login.microsoftonline.com/${options.tenantId}`,
      ...(options.knownAuthorities ? { knownAuthorities: [...options.knownAuthorities] } : {}),
    },
    system: { networkClient: networkModule(options.agent) },
  });
  const scopes = [options.scope ?? "https://graph.microsoft.com/.default"];
  return async () => {
    let result;
    try {
      result = await app.acquireTokenByClientCredential({ scopes });
    } catch (cause) {
      throw new GraphAuthError({ key: "detail.no-token" }, { cause });
    }
    if (!result?.accessToken) throw new GraphAuthError({ key: "detail.empty-token" });
    return result.accessToken;
  };
}
