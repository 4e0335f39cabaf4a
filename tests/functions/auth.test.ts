/**
 * The auth matrix over real HTTP: tokens from the dev issuer (own key pair, JWKS on loopback),
 * verified by the handlers with jose exactly as Entra ID tokens are.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { apiPaths, type ErrorBody } from "#core/sync/protocol.ts";
import type { MintOptions } from "#functions/local/dev-issuer.ts";
import { readConfig } from "#functions/config.ts";
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

  it("keeps an Entra ID issuer without the dev flag", () => {
    const issuer = "https://login.microsoftonline.com/tenant-id/v2.0";
    expect(readConfig({ ACTIONPLAN_AUTH_ISSUERS: issuer }).auth.issuers).toEqual([issuer]);
  });
});
