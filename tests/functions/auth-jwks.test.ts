/**
 * When the identity provider's signing keys cannot be fetched, the token may well be valid: the
 * API answers 503 with `retry-after` (the client retries), never 401 (which sends the user to
 * sign in again for nothing). Real HTTP: the functions fetch the JWKS from a loopback stub that
 * fails in each way a real endpoint can, and verify a real dev-issuer token.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiPaths, type ErrorBody } from "#core/sync/protocol.ts";
import { resetConfig } from "#functions/config.ts";
import { call } from "#tests/support/api-client.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { USERS } from "#tests/support/rows.ts";

const PLAN = "jwks-plan";
const stack = useLocalStack();

/** A JWKS endpoint per failure mode: /<mode>/keys. */
let stub: Server;
let stubUrl = "";
let deadUrl = "";

beforeAll(async () => {
  await stack().store.createPlan(PLAN, "JWKS", USERS.admin);
  stub = createServer((req, res) => {
    const mode = req.url?.split("/")[1];
    if (mode === "error") res.writeHead(500).end("upstream error");
    else if (mode === "html")
      res.writeHead(200, { "content-type": "text/html" }).end("<html>maintenance</html>");
    else if (mode === "nokeys") res.writeHead(200, { "content-type": "application/json" }).end('{"nope":1}');
    else if (mode === "otherkey")
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [] }));
    else if (mode === "reset") req.socket.destroy();
    // "hang": never answers (the functions' JWKS timeout decides)
  });
  await new Promise<void>((r) => stub.listen(0, "127.0.0.1", r));
  stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
  // A port nobody listens on: bind one, note it, close it.
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  deadUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise<void>((r) => probe.close(() => r()));
});

afterAll(async () => {
  stub.closeAllConnections();
  await new Promise<void>((r) => stub.close(() => r()));
  process.env["ACTIONPLAN_AUTH_JWKS_URI"] = stack().issuer.jwksUri;
  resetConfig();
});

/** Points the functions at a JWKS URI (each mode has its own URI, so no cached key set is shared). */
function useJwks(uri: string): void {
  process.env["ACTIONPLAN_AUTH_JWKS_URI"] = uri;
  resetConfig();
}

describe("signing keys that cannot be fetched", () => {
  it.each<[string, number, string, () => string]>([
    ["a JWKS endpoint answering 500", 503, "auth.unavailable", () => `${stubUrl}/error/keys`],
    ["a JWKS endpoint answering HTML", 503, "auth.unavailable", () => `${stubUrl}/html/keys`],
    ["a JWKS endpoint answering JSON without keys", 503, "auth.unavailable", () => `${stubUrl}/nokeys/keys`],
    ["a JWKS endpoint dropping the connection", 503, "auth.unavailable", () => `${stubUrl}/reset/keys`],
    ["a refused connection", 503, "auth.unavailable", () => `${deadUrl}/keys`],
    ["a JWKS endpoint that never answers (timeout)", 503, "auth.unavailable", () => `${stubUrl}/hang/keys`],
    [
      "a JWKS without the token's key (a token signed by someone else)",
      401,
      "auth.invalid-token",
      () => `${stubUrl}/otherkey/keys`,
    ],
  ])("%s answers %i", { timeout: 20_000 }, async (_name, status, code, uri) => {
    // Prepare
    useJwks(uri());
    const token = await stack().issuer.mintToken({ oid: USERS.admin });
    // Act
    const reply = await call<ErrorBody>(stack().apiUrl, "GET", apiPaths.changes(PLAN), { token });
    // Assess
    expect(reply.status).toBe(status);
    expect(reply.body.error.code).toBe(code);
    expect(reply.body.error.messages?.it).toBeTruthy();
    if (status === 503) expect(Number(reply.headers.get("retry-after"))).toBeGreaterThan(0);
    else expect(reply.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it.each<[string, (token: string) => string]>([
    ["a signature cut short", (t) => t.slice(0, -20)],
    ["a signature of other bytes", (t) => `${t.slice(0, t.lastIndexOf(".") + 1)}${"A".repeat(342)}`],
    [
      "a header naming no key",
      (t) => `${Buffer.from('{"alg":"RS256"}').toString("base64url")}${t.slice(t.indexOf("."))}`,
    ],
  ])("answers a broken token (%s) 401 while the keys load fine", async (_name, breakToken) => {
    // Prepare
    useJwks(stack().issuer.jwksUri);
    const token = breakToken(await stack().issuer.mintToken({ oid: USERS.admin }));
    // Act
    const reply = await call<ErrorBody>(stack().apiUrl, "GET", apiPaths.changes(PLAN), { token });
    // Assess
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe("auth.invalid-token");
  });

  it("verifies again once the keys are back", async () => {
    // Prepare
    useJwks(`${deadUrl}/keys`);
    const token = await stack().issuer.mintToken({ oid: USERS.admin });
    const down = await call(stack().apiUrl, "GET", apiPaths.changes(PLAN), { token });
    // Act
    useJwks(stack().issuer.jwksUri);
    const up = await call(stack().apiUrl, "GET", apiPaths.changes(PLAN), { token });
    // Assess
    expect([down.status, up.status]).toEqual([503, 200]);
  });
});
