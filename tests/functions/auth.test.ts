/**
 * The auth matrix over real HTTP: tokens from the dev issuer (own key pair, JWKS on loopback),
 * verified by the handlers with jose exactly as Entra ID tokens are.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { apiPaths, type ErrorBody } from "#core/sync/protocol.ts";
import type { MintOptions } from "#functions/local/dev-issuer.ts";
import { isLoopbackHttp, readConfig } from "#functions/config.ts";
import { call, pushBody } from "#tests/support/api-client.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { priority, USERS } from "#tests/support/rows.ts";

const PLAN = "auth-plan";
const OTHER = "other-plan";
const stack = useLocalStack();

beforeAll(async () => {
  const s = stack();
  await s.store.createPlan(PLAN, "Auth", USERS.admin);
  await s.store.putMember(PLAN, USERS.editor, "editor");
  await s.store.putMember(PLAN, USERS.reader, "reader");
  await s.store.createPlan(OTHER, "Other", USERS.stranger);
});

type TokenSpec = Partial<MintOptions> | "none" | "garbage";

async function tokenFor(spec: TokenSpec): Promise<string | undefined> {
  if (spec === "none") return undefined;
  if (spec === "garbage") return "not.a.jwt";
  return stack().issuer.mintToken({ oid: USERS.editor, ...spec });
}

describe("auth matrix", () => {
  it.each<[string, TokenSpec, "GET" | "POST", string, number, string | undefined]>([
    ["no token", "none", "GET", "changes", 401, "auth.missing-token"],
    ["a token that is not a JWT", "garbage", "GET", "changes", 401, "auth.invalid-token"],
    ["an expired token", { expiresIn: -600 }, "GET", "changes", 401, "auth.expired"],
    ["a token without exp", { expiresIn: null }, "GET", "changes", 401, "auth.invalid-token"],
    ["a token issued an hour ahead", { issuedIn: 3600 }, "GET", "changes", 401, "auth.invalid-token"],
    ["a token issued 30 s ahead (within the clock tolerance)", { issuedIn: 30 }, "GET", "changes", 200, undefined],
    [
      "a token for another audience",
      { aud: "api://someone-else" },
      "GET",
      "changes",
      401,
      "auth.invalid-token",
    ],
    [
      "a token from another issuer",
      { iss: "https://login.microsoftonline.com/evil/v2.0" },
      "GET",
      "changes",
      401,
      "auth.invalid-token",
    ],
    ["a forged signature", { forged: true }, "GET", "changes", 401, "auth.invalid-token"],
    ["a reader pushing", { oid: USERS.reader }, "POST", "sync", 403, "auth.forbidden"],
    ["a reader restoring", { oid: USERS.reader }, "POST", "restore", 403, "auth.forbidden"],
    ["a reader pulling", { oid: USERS.reader }, "GET", "changes", 200, undefined],
    ["an editor pushing", { oid: USERS.editor }, "POST", "sync", 200, undefined],
    ["an editor claiming the nightly source", { oid: USERS.editor }, "POST", "sync-as-nightly", 403, "auth.nightly-source"],
    ["a member of another plan", { oid: USERS.stranger }, "GET", "changes", 404, "not-found"],
    ["a plan that does not exist", { oid: USERS.admin }, "GET", "missing-plan", 404, "not-found"],
    [
      "the nightly app role on any plan",
      { oid: "nightly-app", roles: ["ActionPlan.Sync.All"], appOnly: true },
      "POST",
      "sync",
      200,
      undefined,
    ],
    [
      "an app without the sync role",
      { oid: "some-app", roles: ["Other.Role"], appOnly: true },
      "GET",
      "changes",
      404,
      "not-found",
    ],
  ])("answers %s with %i", async (_name, spec, method, route, status, code) => {
    // Prepare
    const token = await tokenFor(spec);
    const path =
      route === "sync" || route === "sync-as-nightly"
        ? apiPaths.sync(PLAN)
        : route === "restore"
          ? apiPaths.restore(PLAN, "priority", "1")
          : route === "missing-plan"
            ? apiPaths.changes("missing-plan")
            : apiPaths.changes(PLAN);
    const body =
      method === "POST"
        ? route === "restore"
          ? { version: 1 }
          : pushBody(
              [priority(`A${Math.random().toString(36).slice(2, 8)}`)],
              undefined,
              route === "sync-as-nightly" ? "nightly" : "cli",
            )
        : undefined;
    // Act
    const reply = await call<ErrorBody>(stack().apiUrl, method, path, {
      ...(token ? { token } : {}),
      ...(body ? { body } : {}),
    });
    // Assess
    expect(reply.status).toBe(status);
    if (code) {
      expect(reply.body.error.code).toBe(code);
      expect(reply.body.error.messages?.it).toBeTruthy();
      expect(reply.body.error.correlationId).toBeTruthy();
    }
    if (status === 401) expect(reply.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("never lets a member read another plan's data, even with its own valid token", async () => {
    const token = await stack().issuer.mintToken({ oid: USERS.editor });
    const reply = await call(stack().apiUrl, "GET", apiPaths.changes(OTHER), { token });
    expect(reply.status).toBe(404);
  });
});

describe("dev issuer guard", () => {
  it.each([
    ["without the dev flag a loopback issuer is dropped", {}, []],
    ["with the dev flag it is kept", { ACTIONPLAN_DEV_ISSUER: "1" }, ["http://127.0.0.1:9/dev-tenant/v2.0"]],
  ])("%s", (_name, flag, issuers) => {
    const env = {
      ACTIONPLAN_AUTH_ISSUERS: "http://127.0.0.1:9/dev-tenant/v2.0",
      ACTIONPLAN_AUTH_JWKS_URI: "http://127.0.0.1:9/keys",
      ...flag,
    };
    expect(readConfig(env).auth.issuers).toEqual(issuers);
  });

  // Every spelling probed in issue #16, decided one by one (see isLoopbackHttp in config.ts).
  it.each([
    ["http://127.0.0.1:9/t/v2.0", true, "the dev issuer's own URL"],
    ["http://127.0.0.2:9/t/v2.0", true, "127.0.0.0/8 is all loopback"],
    ["http://127.1:9/t/v2.0", true, "short form, parsed as 127.0.0.1"],
    ["http://2130706433:9/t/v2.0", true, "decimal form, parsed as 127.0.0.1"],
    ["http://[::1]:9/t/v2.0", true, "IPv6 loopback"],
    ["http://0.0.0.0:9/t/v2.0", false, "any interface, not loopback"],
    ["http://localhost:9/t/v2.0", false, "a name: DNS decides where it goes"],
    ["http://localhost.:9/t/v2.0", false, "a fully qualified name, same"],
    ["http://[::ffff:127.0.0.1]:9/t/v2.0", false, "IPv4-mapped: outside the two ranges"],
    ["http://login.example.com/t/v2.0", false, "plain http off the machine"],
    ["https://127.0.0.1:9/t/v2.0", false, "not http (and https is kept anyway, see below)"],
    ["not a url", false, "unparseable"],
  ])("isLoopbackHttp(%s) is %s: %s", (url, loopback) => {
    expect(isLoopbackHttp(url)).toBe(loopback);
  });

  it.each([
    ["http://127.0.0.2:9/t/v2.0", ["http://127.0.0.2:9/t/v2.0"], []],
    ["http://localhost.:9/t/v2.0", [], []],
    ["http://[::ffff:127.0.0.1]:9/t/v2.0", [], []],
    ["http://login.example.com/t/v2.0", [], []],
    ["https://login.microsoftonline.com/t/v2.0", ["https://login.microsoftonline.com/t/v2.0"], ["https://login.microsoftonline.com/t/v2.0"]],
  ])("issuer %s is kept as %j with the dev flag and as %j without", (issuer, withFlag, withoutFlag) => {
    // Act
    const dev = readConfig({ ACTIONPLAN_AUTH_ISSUERS: issuer, ACTIONPLAN_DEV_ISSUER: "1" }).auth.issuers;
    const prod = readConfig({ ACTIONPLAN_AUTH_ISSUERS: issuer }).auth.issuers;
    // Assess
    expect(dev).toEqual(withFlag);
    expect(prod).toEqual(withoutFlag);
  });

  it("keeps an Entra ID issuer without the dev flag", () => {
    const issuer = "https://login.microsoftonline.com/tenant-id/v2.0";
    expect(readConfig({ ACTIONPLAN_AUTH_ISSUERS: issuer }).auth.issuers).toEqual([issuer]);
  });
});
