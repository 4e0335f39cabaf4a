/**
 * Sign-in decisions against stubs of the NAA bridge (MSAL's nestable client) and of the Office
 * dialog API: silent first with Office's login hint, a prompt only on InteractionRequiredAuthError
 * and only after a click, no setActiveAccount, the dialog fallback, one failure kind per case.
 */
import { describe, expect, it } from "vitest";
import { naaTokenSource, type NaaAccount, type NaaClient, type NaaRequest } from "#addin/auth/naa.ts";
import { DialogError, dialogTokenSource } from "#addin/auth/dialog-token.ts";
import { AuthError } from "#addin/auth/token-source.ts";

const SCOPES = ["api://actionplan/access_as_user"];
const ANNA: NaaAccount = { name: "Anna Rossi", username: "anna@clust-er.it" };

function named(name: string, errorCode = ""): Error {
  return Object.assign(new Error(name), { name, errorCode });
}

/** A scripted NAA bridge: each call takes the next outcome; every request is recorded. */
function bridge(silent: Array<Error | string>, popup: Array<Error | string> = []) {
  const calls: Array<{ kind: "silent" | "popup"; request: NaaRequest }> = [];
  let cleared = 0;
  const answer = (queue: Array<Error | string>) => {
    const next = queue.shift();
    if (next === undefined) throw new Error("unexpected call");
    if (next instanceof Error) return Promise.reject(next);
    return Promise.resolve({ accessToken: next, account: ANNA });
  };
  const client: NaaClient & { setActiveAccount?: unknown } = {
    acquireTokenSilent: (request) => (calls.push({ kind: "silent", request }), answer(silent)),
    acquireTokenPopup: (request) => (calls.push({ kind: "popup", request }), answer(popup)),
    clearCache: () => ((cleared += 1), Promise.resolve()),
    setActiveAccount: () => {
      throw new Error("NAA does not support setActiveAccount");
    },
  };
  return { client, calls, cleared: () => cleared };
}

const hint = () => Promise.resolve("anna@clust-er.it");

describe("nested app authentication", () => {
  it("signs in silently with Office's login hint", async () => {
    // Prepare
    const b = bridge(["t1"]);
    const auth = naaTokenSource({ clientId: "c", scopes: SCOPES }, { createClient: () => Promise.resolve(b.client), loginHint: hint });
    // Act
    const token = await auth.getToken();
    // Assess
    expect(token).toBe("t1");
    expect(b.calls).toEqual([{ kind: "silent", request: { scopes: SCOPES, loginHint: "anna@clust-er.it" } }]);
    expect(auth.user()).toBe("Anna Rossi");
  });

  it("passes the account of the last result next time (not setActiveAccount)", async () => {
    const b = bridge(["t1", "t2"]);
    const auth = naaTokenSource({ clientId: "c", scopes: SCOPES }, { createClient: () => Promise.resolve(b.client), loginHint: hint });
    await auth.getToken();
    await auth.getToken();
    expect(b.calls[1]?.request).toEqual({ scopes: SCOPES, account: ANNA });
  });

  it("stays signed out without a click when interaction is required", async () => {
    const b = bridge([named("InteractionRequiredAuthError")]);
    const auth = naaTokenSource({ clientId: "c", scopes: SCOPES }, { createClient: () => Promise.resolve(b.client), loginHint: hint });
    await expect(auth.getToken()).resolves.toBeUndefined();
    expect(b.calls.map((c) => c.kind)).toEqual(["silent"]);
  });

  it("prompts after a click when interaction is required, with the login hint", async () => {
    const b = bridge([named("InteractionRequiredAuthError")], ["t2"]);
    const auth = naaTokenSource({ clientId: "c", scopes: SCOPES }, { createClient: () => Promise.resolve(b.client), loginHint: hint });
    await expect(auth.getToken({ interactive: true })).resolves.toBe("t2");
    expect(b.calls).toEqual([
      { kind: "silent", request: { scopes: SCOPES, loginHint: "anna@clust-er.it" } },
      { kind: "popup", request: { scopes: SCOPES, loginHint: "anna@clust-er.it" } },
    ]);
  });

  it.each([
    ["a BrowserAuthError", named("BrowserAuthError", "network_error")],
    ["a ServerError", named("ServerError", "invalid_client")],
  ])("never prompts on %s: silent-failed", async (_, error) => {
    const b = bridge([error]);
    const auth = naaTokenSource({ clientId: "c", scopes: SCOPES }, { createClient: () => Promise.resolve(b.client), loginHint: hint });
    const failure = await auth.getToken({ interactive: true }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AuthError);
    expect((failure as AuthError).code).toBe("silent-failed");
    expect(b.calls.map((c) => c.kind)).toEqual(["silent"]);
  });

  it.each([
    ["user_cancelled", "cancelled"],
    ["popup_window_error", "popup-blocked"],
    ["consent_required", "interactive-failed"],
  ])("reports a prompt that failed with %s as %s", async (errorCode, kind) => {
    const b = bridge([named("InteractionRequiredAuthError")], [named("BrowserAuthError", errorCode)]);
    const auth = naaTokenSource({ clientId: "c", scopes: SCOPES }, { createClient: () => Promise.resolve(b.client), loginHint: hint });
    await expect(auth.getToken({ interactive: true })).rejects.toMatchObject({ name: "AuthError", code: kind });
  });

  it("works without a login hint when Office offers no auth context", async () => {
    const b = bridge(["t1"]);
    const auth = naaTokenSource({ clientId: "c", scopes: SCOPES }, { createClient: () => Promise.resolve(b.client), loginHint: () => Promise.reject(new Error("not supported")) });
    await expect(auth.getToken()).resolves.toBe("t1");
    expect(b.calls[0]?.request).toEqual({ scopes: SCOPES });
  });

  it("says naa-unavailable when the nestable client cannot start", async () => {
    const auth = naaTokenSource({ clientId: "c", scopes: SCOPES }, { createClient: () => Promise.reject(new Error("no bridge")), loginHint: hint });
    await expect(auth.getToken()).rejects.toMatchObject({ code: "naa-unavailable" });
  });

  it("stays signed out after sign-out until the next click", async () => {
    const b = bridge(["t1", "t3"]);
    const auth = naaTokenSource({ clientId: "c", scopes: SCOPES }, { createClient: () => Promise.resolve(b.client), loginHint: hint });
    await auth.getToken();
    await auth.signOut();
    await expect(auth.getToken()).resolves.toBeUndefined();
    expect(b.cleared()).toBe(1);
    await expect(auth.getToken({ interactive: true })).resolves.toBe("t3");
  });
});

describe("the Office dialog fallback", () => {
  const DIALOG = "https://addin.example.org/auth-dialog.html";

  it("opens the dialog only after a click and keeps the token until it expires", async () => {
    // Prepare
    let now = 1_000_000;
    const opened: string[] = [];
    const auth = dialogTokenSource({
      dialogUrl: DIALOG,
      now: () => now,
      openDialog: (url) => (opened.push(url), Promise.resolve(JSON.stringify({ type: "token", accessToken: "d1", expiresOn: now + 3_600_000, name: "Anna Rossi" }))),
    });
    // Act + Assess
    await expect(auth.getToken()).resolves.toBeUndefined();
    await expect(auth.getToken({ interactive: true })).resolves.toBe("d1");
    await expect(auth.getToken()).resolves.toBe("d1");
    expect(auth.user()).toBe("Anna Rossi");
    now += 3_600_000;
    await expect(auth.getToken()).resolves.toBeUndefined();
    expect(opened).toEqual([DIALOG]);
  });

  it.each([
    [12006, "cancelled"],
    [12009, "popup-blocked"],
    [12011, "popup-blocked"],
    [12007, "dialog-failed"],
  ])("maps Office dialog error %i to %s", async (code, kind) => {
    const auth = dialogTokenSource({ dialogUrl: DIALOG, openDialog: () => Promise.reject(new DialogError(code)) });
    await expect(auth.getToken({ interactive: true })).rejects.toMatchObject({ code: kind });
  });

  it.each([
    ["not JSON", "dialog-failed"],
    [JSON.stringify({ type: "error", code: "user_cancelled" }), "cancelled"],
    [JSON.stringify({ type: "error", code: "access_denied", message: "AADSTS65001" }), "interactive-failed"],
    [JSON.stringify({ type: "token" }), "dialog-failed"],
  ])("reports the dialog's answer %s as %s", async (message, kind) => {
    const auth = dialogTokenSource({ dialogUrl: DIALOG, openDialog: () => Promise.resolve(message) });
    await expect(auth.getToken({ interactive: true })).rejects.toMatchObject({ code: kind });
  });
});
