/**
 * DEV ONLY. A local token issuer for `actionplan serve` and the tests: its own RSA key pair, a
 * JWKS on loopback laid out like Entra ID v2's, and `mintToken` for any claims. It refuses to
 * start unless ACTIONPLAN_DEV_ISSUER=1, and the functions accept a loopback issuer only under
 * that same flag (config.ts), which the CDK stack never sets.
 */
import { createServer, type Server } from "node:http";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";

export interface MintOptions {
  oid: string;
  name?: string;
  roles?: string[];
  /** Defaults to the issuer's audience. */
  aud?: string;
  /** Defaults to the issuer's own issuer URL. */
  iss?: string;
  /** Seconds from now; negative for an already expired token; null for no `exp` at all. Default 3600. */
  expiresIn?: number | null;
  /** `iat` in seconds from now (default −5); positive for a token "issued in the future". */
  issuedIn?: number;
  /**
   * App-only (client credentials) token, as the nightly job gets: shaped like Entra ID's — no
   * `scp`, app permissions in `roles`, no `name`, and no `idtyp` unless `idtyp` is set. A user
   * (delegated) token carries `scp` instead.
   */
  appOnly?: boolean;
  /** Add the optional `idtyp` claim ("app" or "user"), as when the API registration enables it. */
  idtyp?: boolean;
  /** The delegated scopes of a user token (default "access_as_user"); ignored for app-only tokens. */
  scp?: string;
  /** Sign with a key that is not in the JWKS (same kid): a forged token. */
  forged?: boolean;
}

export interface DevIssuer {
  issuer: string;
  jwksUri: string;
  audience: string;
  mintToken(options: MintOptions): Promise<string>;
  stop(): Promise<void>;
}

/** The flag that enables the dev issuer (never set in the deployed configuration). */
export const DEV_ISSUER_FLAG = "ACTIONPLAN_DEV_ISSUER";

export async function startDevIssuer(options: { port?: number; audience?: string } = {}): Promise<DevIssuer> {
  if (process.env[DEV_ISSUER_FLAG] !== "1")
    throw new Error(`The dev issuer is for local runs only: set ${DEV_ISSUER_FLAG}=1`);
  const audience = options.audience ?? "api://actionplan-dev";
  const kid = "actionplan-dev-key";
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const forger = await generateKeyPair("RS256");
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const server: Server = createServer((req, res) => {
    if (req.url?.endsWith("/discovery/v2.0/keys")) {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}/dev-tenant`;
  const issuer = `${base}/v2.0`;
  return {
    issuer,
    jwksUri: `${base}/discovery/v2.0/keys`,
    audience,
    async mintToken(o) {
      const claims: Record<string, unknown> = { oid: o.oid, tid: "dev-tenant", ver: "2.0", azpacr: "1" };
      if (o.appOnly) {
        claims["azp"] = o.oid; // the client app itself
      } else {
        claims["azp"] = "dev-addin";
        claims["scp"] = o.scp ?? "access_as_user";
        if (o.name) claims["name"] = o.name;
      }
      if (o.roles) claims["roles"] = o.roles;
      if (o.idtyp) claims["idtyp"] = o.appOnly ? "app" : "user";
      const now = Math.floor(Date.now() / 1000);
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
        .setIssuer(o.iss ?? issuer)
        .setAudience(o.aud ?? audience)
        .setSubject(o.oid)
        .setIssuedAt(now + (o.issuedIn ?? -5))
        .setNotBefore(now - 5);
      if (o.expiresIn !== null) jwt.setExpirationTime(now + (o.expiresIn ?? 3600));
      return jwt.sign(o.forged ? forger.privateKey : privateKey);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
