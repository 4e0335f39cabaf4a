/**
 * A stand-in for the tenant's Entra ID signing keys: a JWKS on loopback and tokens signed with
 * its key, carrying the release's tenant (issuer) and client id (audience), as Entra ID v2 access
 * and ID tokens do. Not the dev issuer: the API is configured for this issuer alone.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

export interface EntraStandIn {
  readonly issuer: string;
  readonly jwksUri: string;
  /** An access token for the API (scp access_as_user) or an ID token for the add-in. */
  sign(kind: "access" | "id", user: { oid: string; name: string; upn: string }): Promise<string>;
  stop(): Promise<void>;
}

export async function startEntraStandIn(tenant: string, clientId: string, scope = "access_as_user"): Promise<EntraStandIn> {
  const kid = "entra-standin-key";
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `https://login.microsoftonline.com/${tenant}/v2.0`;
  return {
    issuer,
    jwksUri: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/discovery/v2.0/keys`,
    sign(kind, user) {
      const now = Math.floor(Date.now() / 1000);
      const claims =
        kind === "access"
          ? { oid: user.oid, tid: tenant, name: user.name, azp: clientId, scp: scope, ver: "2.0", idtyp: "user" }
          : { oid: user.oid, tid: tenant, name: user.name, preferred_username: user.upn, ver: "2.0", nonce: "n" };
      return new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
        .setIssuer(issuer)
        .setAudience(clientId)
        .setSubject(user.oid)
        .setIssuedAt(now - 5)
        .setNotBefore(now - 5)
        .setExpirationTime(now + 3600)
        .sign(privateKey);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
