/**
 * The nightly job's app-only token (client-credentials grant) against a token endpoint on
 * loopback: the request Entra ID documents, one request for concurrent callers, the token reused
 * until five minutes before it expires, and refusals that never carry the secret.
 */
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGraphTokenProvider, GraphAuthError } from "#functions/nightly/graph-token.ts";

const TENANT = "contoso-tenant";
const SECRET = "s3cret-never-logged";

/** What the endpoint answers next: a status and a body (JSON unless a string). */
let answer: { status: number; body: unknown } = { status: 200, body: {} };
let forms: URLSearchParams[] = [];
let server: Server;
let authority = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8").on("data", (s: string) => (body += s));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== `/${TENANT}/oauth2/v2.0/token` || req.headers["content-type"] !== "application/x-www-form-urlencoded") {
        res.writeHead(404).end();
        return;
      }
      forms.push(new URLSearchParams(body));
      // Answer a little later, so callers that arrive together really overlap.
      setTimeout(() => {
        res.writeHead(answer.status, { "content-type": "application/json" });
        res.end(typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body));
      }, 20);
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${TENANT}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

beforeEach(() => {
  forms = [];
  answer = { status: 200, body: { token_type: "Bearer", expires_in: 3600, ext_expires_in: 3600, access_token: "token-1" } };
});

function provider(now?: () => number) {
  return createGraphTokenProvider({ tenantId: TENANT, clientId: "app-id", clientSecret: SECRET, authority: `${authority}/`, ...(now ? { now } : {}) });
}

describe("app-only Graph token", () => {
  it("asks the tenant's v2.0 token endpoint for the Graph .default scope with the app's credential", async () => {
    // Act
    const token = await provider()();
    // Assess
    expect(token).toBe("token-1");
    expect(forms.map((f) => Object.fromEntries(f))).toEqual([
      { client_id: "app-id", client_secret: SECRET, scope: "https://graph.microsoft.com/.default", grant_type: "client_credentials" },
    ]);
  });

  it("sends one request for callers that ask at the same time, and reuses the token after", async () => {
    // Prepare
    const token = provider();
    // Act
    const together = await Promise.all([token(), token(), token()]);
    const later = await token();
    // Assess
    expect([...together, later]).toEqual(["token-1", "token-1", "token-1", "token-1"]);
    expect(forms).toHaveLength(1);
  });

  it("renews the token five minutes before it expires, not earlier", async () => {
    // Prepare: a clock the test moves
    let clock = 1_000_000;
    const token = provider(() => clock);
    await token();
    answer = { status: 200, body: { token_type: "Bearer", expires_in: 3600, access_token: "token-2" } };
    // Act / Assess: 54 min 59 s later the first token still serves
    clock += 3600_000 - 300_000 - 1_000;
    expect(await token()).toBe("token-1");
    // ... at 55 min a new one is fetched
    clock += 1_000;
    expect(await token()).toBe("token-2");
    expect(forms).toHaveLength(2);
  });

  it.each([
    ["a refused credential (401 invalid_client)", { status: 401, body: { error: "invalid_client", error_description: `AADSTS7000215: Invalid client secret ${SECRET}` } }, "detail.no-token"],
    ["a server error with an HTML page", { status: 503, body: "<html>maintenance</html>" }, "detail.no-token"],
    ["a 200 without an access token", { status: 200, body: { token_type: "Bearer", expires_in: 3600 } }, "detail.empty-token"],
    ["a 200 that is not JSON", { status: 200, body: "not json" }, "detail.empty-token"],
  ])("answers %s with a GraphAuthError that carries neither the secret nor the endpoint's description", async (_case, reply, key) => {
    // Prepare
    answer = reply;
    // Act
    const error = await provider()().then(
      () => undefined,
      (e: unknown) => e,
    );
    // Assess
    expect(error).toBeInstanceOf(GraphAuthError);
    expect((error as GraphAuthError).detail.key).toBe(key);
    const told = `${String(error)} ${String((error as Error).cause)}`;
    expect(told).toMatch(/token/i);
    expect(told).not.toContain(SECRET);
    expect(told).not.toContain("AADSTS");
  });

  it("asks again after a refusal instead of keeping the failure", async () => {
    // Prepare
    answer = { status: 401, body: { error: "invalid_client" } };
    const token = provider();
    await expect(token()).rejects.toBeInstanceOf(GraphAuthError);
    // Act
    answer = { status: 200, body: { token_type: "Bearer", expires_in: 3600, access_token: "token-after" } };
    // Assess
    expect(await token()).toBe("token-after");
    expect(forms).toHaveLength(2);
  });
});
