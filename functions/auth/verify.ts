/**
 * Bearer token verification: Microsoft Entra ID v2 access tokens checked with jose against the
 * tenant's JWKS (signature), issuer, audience and expiry. The same code verifies the local dev
 * issuer's tokens: only the configuration differs (see config.ts and local/dev-issuer.ts).
 */
import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { DependencyUnavailableError, NotSignedInError } from "../service-errors.ts";
import { isAppOnlyToken } from "./app-only.ts";

/** Who is calling. */
export interface Principal {
  /** Object id of the user (`oid`), or `sub` when absent; for app-only tokens the app's oid. */
  id: string;
  name?: string;
  /** App roles granted to the caller (`roles` claim), e.g. "ActionPlan.Sync.All" for the nightly job. */
  appRoles: string[];
  /** true for app-only (client credentials) tokens (see auth/app-only.ts). */
  appOnly: boolean;
}

export interface AuthSettings {
  issuers: string[];
  /**
   * Accepted `aud` values: the API's Application ID URI and its client id GUID (Entra ID v2
   * access tokens carry the GUID, whatever the client asked for).
   */
  audiences: string[];
  jwksUri: string;
}

/** Clock skew allowed between Entra ID and us for exp, nbf and iat. */
const CLOCK_TOLERANCE_SECONDS = 60;

/** How long a JWKS fetch may take before the request is answered 503 (retryable). */
const JWKS_TIMEOUT_MS = 5_000;

/** The signing keys could not be fetched: the identity provider's outage, not the caller's fault. */
class KeySetUnavailableError extends Error {
  override name = "KeySetUnavailableError";
}

const jwksByUri = new Map<string, JWTVerifyGetKey>();

/**
 * The JWKS of a URI, cached per process (jose refreshes it on unknown `kid`s). Only what goes
 * wrong while fetching the keys is an outage: jose raises JWKSTimeout, JWKSInvalid, a bare
 * JOSEError for a non-200 or non-JSON answer, and lets fetch's own error (a TypeError) through
 * for a refused or dropped connection. A token whose `kid` is not in a key set that did load is
 * the token's fault (401), as is everything that fails after the key is found (signature, claims).
 */
function jwks(uri: string): JWTVerifyGetKey {
  let getKey = jwksByUri.get(uri);
  if (!getKey) {
    const set = createRemoteJWKSet(new URL(uri), {
      cooldownDuration: 30_000,
      timeoutDuration: JWKS_TIMEOUT_MS,
    });
    getKey = async (header, token) => {
      try {
        return await set(header, token);
      } catch (error) {
        if (
          error instanceof joseErrors.JWKSNoMatchingKey ||
          error instanceof joseErrors.JWKSMultipleMatchingKeys
        )
          throw error;
        throw new KeySetUnavailableError("the JWKS could not be fetched", { cause: error });
      }
    };
    jwksByUri.set(uri, getKey);
  }
  return getKey;
}

/**
 * Verifies the `Authorization: Bearer` header; 401 for a missing, expired or invalid token,
 * 503 (with `retry-after`) when the signing keys cannot be fetched.
 */
export async function verifyBearer(
  authorization: string | undefined,
  settings: AuthSettings,
): Promise<Principal> {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(authorization ?? "");
  if (!match?.[1]) throw new NotSignedInError("auth.missing-token");
  if (settings.issuers.length === 0 || settings.audiences.length === 0 || !settings.jwksUri) {
    // Misconfiguration must never mean "accept anything".
    throw new NotSignedInError("auth.invalid-token", new Error("auth is not configured"));
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(match[1], jwks(settings.jwksUri), {
      issuer: settings.issuers,
      audience: settings.audiences,
      algorithms: ["RS256"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      // Entra ID always sets exp; a token without one would never expire.
      requiredClaims: ["exp"],
    }));
    // jose checks iat only with maxTokenAge: a token issued in the future (beyond the clock
    // tolerance) was minted by a skewed or forged issuer, not by Entra ID.
    if (typeof payload.iat === "number" && payload.iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS)
      throw new Error("token issued in the future");
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new NotSignedInError("auth.expired", error);
    if (error instanceof KeySetUnavailableError)
      throw new DependencyUnavailableError("auth.unavailable", error);
    throw new NotSignedInError("auth.invalid-token", error);
  }
  const id = typeof payload["oid"] === "string" ? payload["oid"] : payload.sub;
  if (!id) throw new NotSignedInError("auth.invalid-token", new Error("token has no oid or sub"));
  const roles = Array.isArray(payload["roles"])
    ? payload["roles"].filter((r): r is string => typeof r === "string")
    : [];
  const principal: Principal = { id, appRoles: roles, appOnly: isAppOnlyToken(payload) };
  if (typeof payload["name"] === "string") principal.name = payload["name"];
  return principal;
}
