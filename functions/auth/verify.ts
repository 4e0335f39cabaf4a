/**
 * Bearer token verification: Microsoft Entra ID v2 access tokens checked with jose against the
 * tenant's JWKS (signature), issuer, audience and expiry. The same code verifies the local dev
 * issuer's tokens: only the configuration differs (see config.ts and local/dev-issuer.ts).
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import { UnauthorizedError } from "../http/errors.ts";

/** Who is calling. */
export interface Principal {
  /** Object id of the user (`oid`), or `sub` when absent; for app-only tokens the app's oid. */
  id: string;
  name?: string;
  /** App roles granted to the caller (`roles` claim), e.g. "ActionPlan.Sync.All" for the nightly job. */
  appRoles: string[];
  /** true for app-only (client credentials) tokens. */
  appOnly: boolean;
}

export interface AuthSettings {
  issuers: string[];
  audience: string;
  jwksUri: string;
}

const jwksByUri = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** The JWKS of a URI, cached per process (jose refreshes it on unknown `kid`s). */
function jwks(uri: string): ReturnType<typeof createRemoteJWKSet> {
  let set = jwksByUri.get(uri);
  if (!set) {
    set = createRemoteJWKSet(new URL(uri), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
    jwksByUri.set(uri, set);
  }
  return set;
}

/** Verifies the `Authorization: Bearer` header; 401 for a missing, expired or invalid token. */
export async function verifyBearer(
  authorization: string | undefined,
  settings: AuthSettings,
): Promise<Principal> {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(authorization ?? "");
  if (!match?.[1]) throw new UnauthorizedError("auth.missing-token");
  if (settings.issuers.length === 0 || !settings.audience || !settings.jwksUri) {
    // Misconfiguration must never mean "accept anything".
    throw new UnauthorizedError("auth.invalid-token", new Error("auth is not configured"));
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(match[1], jwks(settings.jwksUri), {
      issuer: settings.issuers,
      audience: settings.audience,
      algorithms: ["RS256"],
      clockTolerance: 60,
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new UnauthorizedError("auth.expired", error);
    throw new UnauthorizedError("auth.invalid-token", error);
  }
  const id = typeof payload["oid"] === "string" ? payload["oid"] : payload.sub;
  if (!id) throw new UnauthorizedError("auth.invalid-token", new Error("token has no oid or sub"));
  const roles = Array.isArray(payload["roles"])
    ? payload["roles"].filter((r): r is string => typeof r === "string")
    : [];
  const principal: Principal = { id, appRoles: roles, appOnly: payload["idtyp"] === "app" };
  if (typeof payload["name"] === "string") principal.name = payload["name"];
  return principal;
}
