/**
 * App-only Microsoft Graph tokens for the nightly job: the OAuth 2.0 client-credentials grant
 * (RFC 6749 §4.4) as the Microsoft identity platform documents it — one form POST of the app's
 * id and secret to `<authority>/oauth2/v2.0/token` for the scope `https://graph.microsoft.com/.default`
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow).
 *
 * Why not MSAL: for this one grant with a secret, MSAL Node added 240 KB and jsonwebtoken to the
 * nightly Lambda and about 40 ms to its cold start (SPEC §11: module init ≤ 150 ms), for a token
 * the job asks for once a night. What MSAL did for us here is kept: the token is cached and
 * renewed five minutes before it expires, concurrent callers share one request, and failures
 * never carry the secret.
 */
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
  /** @default `https://graph.microsoft.com/.default` */
  readonly scope?: string;
  /** TLS agent for the token endpoint. */
  readonly agent?: Agent;
  /** Clock, for tests of renewal. @default Date.now */
  readonly now?: () => number;
}

/** Returns a valid access token (cached until five minutes before it expires). */
export type TokenProvider = () => Promise<string>;

/** Entra ID refused the credential or could not be reached. */
export class GraphAuthError extends DetailedError {
  override readonly name = "GraphAuthError";
}

/** A token is renewed this long before Entra ID says it expires (MSAL's own margin). */
const RENEW_BEFORE_MS = 5 * 60_000;
const TOKEN_TIMEOUT_MS = 30_000;
/** A token response is a few KB; anything far larger is not one. */
const MAX_TOKEN_RESPONSE_BYTES = 256 * 1024;

interface TokenResponse {
  access_token?: unknown;
  expires_in?: unknown;
  error?: unknown;
}

/** The endpoint's OAuth error code ("invalid_client"), never its description or the request. */
function oauthError(body: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(body.toString("utf8")) as TokenResponse;
    return typeof parsed.error === "string" ? parsed.error : undefined;
  } catch {
    return undefined; // not JSON: the status alone says what happened
  }
}

/**
 * Creates a token provider for the nightly app.
 *
 * @example
 * const token = createGraphTokenProvider({ tenantId, clientId, clientSecret });
 * const bearer = await token();
 */
export function createGraphTokenProvider(options: GraphTokenOptions): TokenProvider {
  const authority = (options.authority ?? `https://login.microsoftonline.com/${encodeURIComponent(options.tenantId)}`).replace(/\/+$/, "");
  const endpoint = `${authority}/oauth2/v2.0/token`;
  const form = new URLSearchParams({
    client_id: options.clientId,
    client_secret: options.clientSecret,
    scope: options.scope ?? "https://graph.microsoft.com/.default",
    grant_type: "client_credentials",
  }).toString();
  const now = options.now ?? Date.now;
  let cached: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function request(): Promise<string> {
    let res;
    try {
      res = await sendRequest(endpoint, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: form,
        ...(options.agent ? { agent: options.agent } : {}),
        timeoutMs: TOKEN_TIMEOUT_MS,
        maxBytes: MAX_TOKEN_RESPONSE_BYTES,
      });
    } catch (cause) {
      throw new GraphAuthError({ key: "detail.no-token" }, { cause });
    }
    if (res.status !== 200) {
      const code = oauthError(res.body);
      throw new GraphAuthError({ key: "detail.no-token" }, { cause: new Error(`token endpoint answered ${res.status}${code ? ` ${code}` : ""}`) });
    }
    let parsed: TokenResponse;
    try {
      parsed = JSON.parse(res.body.toString("utf8")) as TokenResponse;
    } catch (cause) {
      throw new GraphAuthError({ key: "detail.empty-token" }, { cause });
    }
    if (typeof parsed.access_token !== "string" || parsed.access_token === "") throw new GraphAuthError({ key: "detail.empty-token" });
    const lifetimeMs = typeof parsed.expires_in === "number" && Number.isFinite(parsed.expires_in) ? parsed.expires_in * 1000 : 0;
    cached = { token: parsed.access_token, renewAt: now() + Math.max(0, lifetimeMs - RENEW_BEFORE_MS) };
    return parsed.access_token;
  }

  return () => {
    if (cached !== undefined && now() < cached.renewAt) return Promise.resolve(cached.token);
    pending ??= request().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}
