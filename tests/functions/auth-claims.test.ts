/**
 * Which token may do what, over real HTTP with the dev issuer's tokens (shaped like Entra ID v2's):
 * the sync app role counts only on app-only tokens, told apart as Microsoft documents (`idtyp`
 * when the optional claim is on, otherwise no `scp`); only app-only tokens write as "nightly",
 * through push and restore alike; and every configured audience is accepted (v2 tokens carry the
 * API's client id GUID, v1 tokens its Application ID URI).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { apiPaths, type ErrorBody, type HistoryResponse, type PushResponse } from "#core/sync/protocol.ts";
import { resetConfig } from "#functions/config.ts";
import type { MintOptions } from "#functions/local/dev-issuer.ts";
import { SYNC_ALL_APP_ROLE } from "#functions/auth/roles.ts";
import { call, pushBody } from "#tests/support/api-client.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { priority, USERS } from "#tests/support/rows.ts";

const PLAN = "claims-plan";
const API_CLIENT_ID = "5f0e7a0c-8d1b-4c55-9a43-2b7d1e6c9f10";
const stack = useLocalStack();

beforeAll(async () => {
  const s = stack();
  // The deployed configuration lists both audiences (infra/README.md, Entra ID).
  process.env["ACTIONPLAN_AUTH_AUDIENCE"] = `${s.issuer.audience},${API_CLIENT_ID}`;
  resetConfig();
  await s.store.createPlan(PLAN, "Claims", USERS.admin);
  await s.store.putMember(PLAN, USERS.editor, "editor");
});

const nightlyApp: MintOptions = { oid: "nightly-app", roles: [SYNC_ALL_APP_ROLE], appOnly: true };

describe("the sync app role and app-only tokens", () => {
  it.each<[string, number, string | undefined, MintOptions]>([
    ["an app-only token with the role (no optional idtyp claim)", 200, undefined, nightlyApp],
    ["an app-only token with the role and idtyp=app", 200, undefined, { ...nightlyApp, idtyp: true }],
    [
      "a user token holding the role",
      404,
      "not-found",
      { oid: "user-with-role", roles: [SYNC_ALL_APP_ROLE] },
    ],
    [
      "a user token holding the role, with idtyp=user",
      404,
      "not-found",
      { oid: "user-with-role", roles: [SYNC_ALL_APP_ROLE], idtyp: true },
    ],
    [
      "an app-only token without the role",
      404,
      "not-found",
      { oid: "some-app", roles: ["Other.Role"], appOnly: true },
    ],
  ])("a push from %s answers %i", async (_name, status, code, spec) => {
    // Prepare
    const token = await stack().issuer.mintToken(spec);
    // Act
    const reply = await call<ErrorBody>(stack().apiUrl, "POST", apiPaths.sync(PLAN), {
      token,
      body: pushBody([priority(`A${Math.random().toString(36).slice(2, 8)}`)], undefined, "nightly"),
    });
    // Assess
    expect(reply.status).toBe(status);
    if (code) expect(reply.body.error.code).toBe(code);
  });
});

describe("the nightly source", () => {
  it.each<[string, number, string | undefined, MintOptions, "nightly" | "addin" | undefined]>([
    ["an editor's user token claiming nightly", 403, "auth.nightly-source", { oid: USERS.editor }, "nightly"],
    [
      "an editor's user token with idtyp=user claiming nightly",
      403,
      "auth.nightly-source",
      { oid: USERS.editor, idtyp: true },
      "nightly",
    ],
    ["an editor's user token as the add-in", 200, undefined, { oid: USERS.editor }, "addin"],
    ["an editor's user token with no source", 200, undefined, { oid: USERS.editor }, undefined],
    ["the nightly app claiming nightly", 200, undefined, nightlyApp, "nightly"],
  ])("a restore from %s answers %i", async (_name, status, code, spec, source) => {
    // Prepare: a row with two versions, so restoring version 1 writes a third
    const key = `R${Math.random().toString(36).slice(2, 8)}`;
    const editor = await stack().issuer.mintToken({ oid: USERS.editor });
    for (const row of [priority(key, "one"), priority(key, "two", 1)])
      await call(stack().apiUrl, "POST", apiPaths.sync(PLAN), { token: editor, body: pushBody([row]) });
    const token = await stack().issuer.mintToken(spec);
    // Act
    const reply = await call<ErrorBody>(stack().apiUrl, "POST", apiPaths.restore(PLAN, "priority", key), {
      token,
      body: { version: 1, ...(source ? { source } : {}) },
    });
    const history = await call<HistoryResponse>(
      stack().apiUrl,
      "GET",
      apiPaths.history(PLAN, "priority", key),
      {
        token: editor,
      },
    );
    // Assess
    expect(reply.status).toBe(status);
    if (code) expect(reply.body.error.code).toBe(code);
    const sources = history.body.versions.map((v) => v.source);
    expect(sources).toEqual(status === 200 ? ["cli", "cli", source ?? "addin"] : ["cli", "cli"]);
  });
});

describe("token audiences", () => {
  it.each<[string, number, (audience: string) => string]>([
    ["the API's client id GUID (v2 tokens)", 200, () => API_CLIENT_ID],
    ["the Application ID URI (v1 tokens)", 200, (audience) => audience],
    ["another API's client id", 401, () => "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a"],
    ["another API's URI", 401, () => "api://someone-else"],
  ])("a token for %s answers %i", async (_name, status, aud) => {
    // Prepare
    const token = await stack().issuer.mintToken({ oid: USERS.editor, aud: aud(stack().issuer.audience) });
    // Act
    const reply = await call<PushResponse>(stack().apiUrl, "GET", apiPaths.changes(PLAN), { token });
    // Assess
    expect(reply.status).toBe(status);
  });
});
