/**
 * A release build in real Chromium, as staff get it: served on its own HTTPS origin with the
 * hosting stack's headers (production CSP), Office.js and the Office host's NAA bridge stubbed,
 * the API behind HTTPS configured for a non-dev issuer (the release's tenant and client id, a
 * JWKS on loopback signing real JWTs). The pane opens signed out, signs
 * in with one click through the bridge (silent first) and pushes the workbook to the API with that token.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRelease, configFromArgs } from "#addin/build/release.ts";
import { startLocalStack, type LocalStack } from "#functions/local/stack.ts";
import { contentSecurityPolicy } from "#infra/hosting/content-security-policy.ts";
import { CHROMIUM_ARGS, screenshot } from "./harness.ts";
import { startEntraStandIn, type EntraStandIn } from "./release/entra-issuer.ts";
import { httpsFront, selfSignedCertificate, serveRelease, type HttpsSite } from "./release/https-site.ts";
import { naaBridgeScript } from "./release/naa-bridge-stub.ts";

const TENANT = "00000000-0000-0000-0000-000000000001";
const CLIENT = "00000000-0000-0000-0000-000000000002";
const PLAN = "piano-release";
const ANNA = { oid: "anna-oid", name: "Anna Rossi", upn: "anna@clust-er.example" };

let site: HttpsSite;
let front: HttpsSite;
let entra: EntraStandIn;
let stack: LocalStack;
let browser: Browser;
let page: Page;
let origin: string;
let api: string;
const seen: string[] = [];
const violations: string[] = [];

/** Office.js's stand-in, bundled as the classic script the CDN would send. */
async function officeStub(): Promise<string> {
  const out = await build({
    entryPoints: [join(import.meta.dirname, "release/office-stub.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  return out.outputFiles[0]?.text ?? "";
}

beforeAll(async () => {
  process.env["POWERTOOLS_LOG_LEVEL"] ??= "SILENT";
  const tls = selfSignedCertificate(["addin.test", "api.test"]);
  let releaseDir = "";
  let headers: Record<string, string> = {};
  site = await serveRelease(tls, () => releaseDir, () => headers);
  front = await httpsFront(tls, () => stack.apiUrl);
  origin = `https://addin.test:${String(site.port)}`;
  api = `https://api.test:${String(front.port)}`;
  entra = await startEntraStandIn(TENANT, CLIENT);
  stack = await startLocalStack({
    corsOrigins: [origin],
    env: { ACTIONPLAN_AUTH_ISSUERS: entra.issuer, ACTIONPLAN_AUTH_AUDIENCE: CLIENT, ACTIONPLAN_AUTH_JWKS_URI: entra.jwksUri },
  });
  await stack.store.createPlan(PLAN, "Piano release", ANNA.oid);
  const out = join(await mkdtemp(join(tmpdir(), "actionplan-release-e2e-")), "release");
  const [release, stub] = await Promise.all([
    configFromArgs(["--origin", origin, "--api", api, "--tenant", TENANT, "--client-id", CLIENT, "--out", out]).then(buildRelease),
    officeStub(),
  ]);
  releaseDir = release.outdir;
  headers = {
    "content-security-policy": contentSecurityPolicy(api),
    "strict-transport-security": "max-age=63072000; includeSubDomains",
    "x-content-type-options": "nosniff",
  };

  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, "--ignore-certificate-errors", "--host-resolver-rules=MAP addin.test 127.0.0.1, MAP api.test 127.0.0.1"],
  });
  page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  page.on("request", (r) => seen.push(r.url()));
  page.on("pageerror", (e) => { if (process.env["DEBUG_RELEASE"]) console.log("pageerror:", e.message); });
  page.on("console", (m) => {
    if (process.env["DEBUG_RELEASE"]) console.log("page:", m.type(), m.text());
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: stub }),
  );
  await page.addInitScript({ content: `window.__officeStub = ${JSON.stringify({ plan: PLAN, loginHint: ANNA.upn })};` });
  await page.addInitScript({
    content: naaBridgeScript({
      accessToken: await entra.sign("access", ANNA),
      idToken: await entra.sign("id", ANNA),
      account: { homeAccountId: `${ANNA.oid}.${TENANT}`, environment: "login.microsoftonline.com", tenantId: TENANT, username: ANNA.upn, localAccountId: ANNA.oid, name: ANNA.name },
    }),
  });
  await page.goto(`${origin}/taskpane.html`);
  await page.getByTestId("taskpane").waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([site?.stop(), front?.stop(), entra?.stop(), stack?.stop()]);
});

function bridgeCalls(): Promise<Array<{ method: string; clientId?: string; scope?: string }>> {
  return page.evaluate(() => (window as unknown as { __bridgeCalls: Array<{ method: string }> }).__bridgeCalls);
}

describe("a release build inside a stubbed Office host", () => {
  it("opens signed out, without any prompt", async () => {
    // Act
    await page.getByTestId("tab-sync").click();
    // Assess
    await expect.poll(() => page.getByTestId("auth-state").getAttribute("data-signed-in"), { timeout: 20_000 }).toBe("false");
    expect((await bridgeCalls()).map((c) => c.method)).not.toContain("GetTokenPopup");
  });

  it("signs in with one click through the bridge and pushes the workbook to the API with that token", async () => {
    // Act: sign in
    await page.getByTestId("auth-state").getByRole("button", { name: "Accedi" }).click();
    await expect.poll(() => page.getByTestId("auth-state").getAttribute("data-signed-in"), { timeout: 20_000 }).toBe("true");
    expect(await page.getByTestId("auth-state").textContent()).toContain(ANNA.name);
    // Silent first (the bridge says interaction is required), then the popup, with the release's settings
    const calls = await bridgeCalls();
    const methods = calls.map((c) => c.method).filter((m) => m !== "GetInitContext");
    expect(methods[0]).toBe("GetToken");
    expect(methods.indexOf("GetTokenPopup")).toBeGreaterThan(0);
    // (MSAL sends the authority only when a request overrides it: the tenant is in the client's config.)
    for (const call of calls.filter((c) => c.method !== "GetInitContext"))
      expect(call).toMatchObject({ clientId: CLIENT, scope: `api://${CLIENT}/access_as_user` });
    // Act: push
    const before = Number(await page.getByTestId("sync").getAttribute("data-done"));
    await page.getByTestId("push").click();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="sync"]')?.getAttribute("data-done")) > n, before, { timeout: 60_000 });
    // Assess: the API accepted the Entra-style token and stored the rows under Anna's name
    expect(await page.getByTestId("sync-message").getAttribute("data-intent")).toBe("success");
    expect(front.requests).toContain(`POST /plans/${PLAN}/sync`);
    const rows = await stack.store.listRows(PLAN);
    expect(rows.length).toBeGreaterThan(0);
    await screenshot(page, "release-signed-in-push");
  });

  it("loads only from its origin, Office.js's CDN and the API, under the production CSP, and never asks for dev tokens", () => {
    const hosts = new Set(seen.map((u) => new URL(u).host));
    expect([...hosts].sort()).toEqual([new URL(api).host, new URL(origin).host, "appsforoffice.microsoft.com"].sort());
    expect(seen.filter((u) => u.includes("/dev/token"))).toEqual([]);
    expect(site.requests.filter((r) => /preview/.test(r))).toEqual([]);
    expect(violations).toEqual([]);
  });
});
