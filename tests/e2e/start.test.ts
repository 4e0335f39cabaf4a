/**
 * `npm start -- --in-memory` end to end: it comes up on the ports it is given, the preview page and
 * the API answer with the printed token, a second start on the same ports refuses in one line with
 * exit code 2, and Ctrl-C (or SIGTERM) stops every process it started, the JVM included.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "#functions/local/dynamodb-local.ts";
import { launchChromium } from "#tests/browser/harness.ts";
import type { ChangesResponse } from "#core/sync/protocol.ts";
import { call } from "#tests/support/api-client.ts";
import { main } from "#cli/main.ts";
import { descendants, getInsecure, isAlive, listening, parentOf, spawnStart, waitReady, type ReadyInfo, type StartedApp } from "./support/start-process.ts";

const PLAN = "clust-er-2025";
/** Rows of the sample workbook (bigDataPlan): 5 priorities, 13 lines, 11 projects, 9 budget rows. */
const SAMPLE_ROWS = 38;

let dist: string;
let app: StartedApp;
let ready: ReadyInfo;
let ports: { web: number; api: number };

async function startOn(web: number, api: number): Promise<StartedApp> {
  return spawnStart(["--in-memory", "--port", String(web), "--api-port", String(api), "--dist", dist]);
}

/** Stops with `signal` sent the way `how` says; returns the exit code and what was running before. */
async function stop(target: StartedApp, signal: NodeJS.Signals, how: "group" | "start-process" | "npm"): Promise<{ code: number | NodeJS.Signals | null; before: { pid: number; cmd: string }[] }> {
  const pid = target.child.pid as number;
  const before = descendants(pid);
  const java = before.find((p) => p.cmd.startsWith("java "));
  if (!java) throw new Error(`no JVM among ${JSON.stringify(before)}`);
  const startProcess = before.find((p) => p.pid === parentOf(java.pid));
  if (how === "group") process.kill(-pid, signal);
  else if (how === "npm") process.kill(pid, signal);
  else process.kill(startProcess?.pid ?? pid, signal);
  const code = await Promise.race([target.exited, new Promise<"hung">((r) => setTimeout(() => r("hung"), 20_000))]);
  if (code === "hung") throw new Error(`npm start did not stop on ${signal}:\n${target.output()}`);
  return { code, before };
}

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), "actionplan-start-dist-"));
  ports = { web: await freePort(), api: await freePort() };
  app = await startOn(ports.web, ports.api);
  ready = await waitReady(app);
}, 150_000);

afterAll(async () => {
  if (app?.child.pid !== undefined && app.child.exitCode === null && app.child.signalCode === null) process.kill(-app.child.pid, "SIGKILL");
  await rm(dist, { recursive: true, force: true });
});

describe("npm start", () => {
  it("comes up and prints the preview URL with the API, token, plan and user filled in", () => {
    // Assess: how long it took is printed, not judged (speed is a benchmark; beforeAll's 150 s is
    // only the guard against a start that hangs — a loaded CI machine took 110 s once).
    expect(ready.seconds).toBeGreaterThan(0);
    console.info(`npm start -- --in-memory: ready in ${ready.seconds} s`);
    const url = new URL(ready.preview);
    expect(url.origin).toBe(`https://localhost:${ports.web}`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ api: ready.api, token: ready.token, plan: PLAN, user: "dev-user" });
    expect(ready.api).toBe(`http://127.0.0.1:${ports.api}`);
  });

  it.each([
    ["the preview page", "/preview.html", /text\/html/, /preview\.js/],
    ["the preview bundle", "/preview.js", /javascript/, /./],
    ["the task pane page wired for Office", "/taskpane.html", /text\/html/, /office\.js[\s\S]*functions\.js/],
    ["the custom functions metadata", "/functions.json", /json/, /"functions"/],
  ])("serves %s over HTTPS from dist/", async (_name, path, type, body) => {
    // Act
    const reply = await getInsecure(`https://localhost:${ports.web}${path}`);
    // Assess
    expect(reply.status).toBe(200);
    expect(reply.type).toMatch(type);
    expect(reply.body).toMatch(body);
  });

  it("answers the API with the printed token: the sample workbook's rows are in the plan", async () => {
    // Act
    const changes = await call<ChangesResponse>(ready.api, "GET", `/plans/${PLAN}/changes?limit=1000`, { token: ready.token });
    const anonymous = await call(ready.api, "GET", `/plans/${PLAN}/changes`);
    const rollups = await call<Record<string, unknown>>(ready.api, "GET", `/plans/${PLAN}/rollups`, { token: ready.token });
    // Assess
    expect(changes.status).toBe(200);
    expect(new Set(changes.body.changes.map((c) => `${c.entity}:${c.key}`)).size).toBe(SAMPLE_ROWS);
    expect(anonymous.status).toBe(401);
    expect(rollups.status).toBe(200);
  });

  it("lets the printed token open a plan and give a colleague a role through the CLI, as the infra README says", async () => {
    // Prepare
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), cwd: process.cwd() };
    const common = ["--api", ready.api, "--token", ready.token, "--lang", "en"];
    // Act
    const created = await main(["plans", "create", "--plan", "piano-e2e", "--name", "Piano e2e", ...common], io);
    const set = await main(["members", "set", "--plan", "piano-e2e", "--member", "colleague", "--role", "editor", ...common], io);
    const listed = await main(["members", "list", "--plan", "piano-e2e", ...common], io);
    // Assess
    expect([created, set, listed, err]).toEqual([0, 0, 0, []]);
    expect(out).toEqual(["plan created: piano-e2e (admin: dev-user)", "colleague: editor", "colleague  editor", "dev-user  admin"]);
  });

  it("serves the task pane page with the dev defaults: the API under its own origin and the dev user", async () => {
    // Act
    const page = await getInsecure(`https://localhost:${ports.web}/taskpane.html`);
    // Assess
    expect(page.body).toContain(`<meta name="actionplan:api-url" content="https://localhost:${ports.web}/api" />`);
    expect(page.body).toContain('<meta name="actionplan:dev-user" content="dev-user" />');
  });

  it("gives the task pane a dev token at /api/dev/token and the plan through /api, as Excel's web view would ask", async () => {
    // Act
    const minted = await getInsecure(`https://localhost:${ports.web}/api/dev/token?user=dev-user`);
    const { token } = JSON.parse(minted.body) as { token: string };
    const changes = await getInsecure(`https://localhost:${ports.web}/api/plans/${PLAN}/changes?limit=1000`, { authorization: `Bearer ${token}` });
    const refused = await getInsecure(`https://localhost:${ports.web}/api/plans/${PLAN}/changes`);
    const badUser = await getInsecure(`https://localhost:${ports.web}/api/dev/token?user=${encodeURIComponent("<script>")}`);
    // Assess
    expect(minted.status).toBe(200);
    expect(changes.status).toBe(200);
    expect(new Set((JSON.parse(changes.body) as ChangesResponse).changes.map((c) => `${c.entity}:${c.key}`)).size).toBe(SAMPLE_ROWS);
    expect(refused.status).toBe(401);
    expect(badUser.status).toBe(400);
  });

  it("the printed preview URL opens the task pane signed in as the dev user, and a pull reaches the API", async () => {
    // Prepare: the dev server's certificate is self-signed here, as on any machine without office-addin-dev-certs.
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      // Act
      await page.goto(`${ready.preview}&tab=sync`);
      await page.getByTestId("taskpane").waitFor({ timeout: 20_000 }).catch(() => expect(errors).toEqual([]));
      await expect.poll(() => page.getByTestId("auth-state").getAttribute("data-signed-in")).toBe("true");
      const before = Number(await page.getByTestId("sync").getAttribute("data-done"));
      await page.getByTestId("pull").click();
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="sync"]')?.getAttribute("data-done")) > n, before);
      // Assess: the sample in the plan is the page's own seed workbook, so nothing to change.
      expect(await page.getByTestId("pull-preview").getAttribute("data-count")).toBe("0");
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  /** English as a person's shell asks for it (LC_ALL, which vitest pins, left empty so LANG decides). */
  const english = { LC_ALL: "", LANG: "en_US.UTF-8" };
  it.each([
    ["a second start on the same ports", async () => ["--port", String(ports.web), "--api-port", String(ports.api)], {}, /^npm start: la porta \d+ \(componente\) è già occupata: npm start è già avviato\? /],
    ["a second start on a taken API port, in English with LANG=en_US.UTF-8", async () => ["--port", String(await freePort()), "--api-port", String(ports.api)], english, /^npm start: port \d+ \(API\) is already in use: is npm start already running\? /],
    ["an invalid port", async () => ["--port", "abc"], {}, /^npm start: porta non valida in --port: «abc» \(serve un numero da 1 a 65535\)$/],
    ["an unknown option", async () => ["--nope"], {}, /^npm start: opzione sconosciuta --nope \(npm start accetta --in-memory, /],
  ])("refuses %s in one line with exit code 2", async (_name, args, env, message) => {
    // Act
    const second = spawnStart(["--in-memory", "--dist", dist, ...(await args())], env);
    const code = await second.exited;
    // Assess
    const lines = second.output().trim().split("\n").filter((l) => !/^npm (warn|error)/.test(l));
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(second.output()).not.toMatch(/\n\s+at /);
  });

  it("a start that fails half-way (dist/ cannot be created) says why in one line and exits 1", async () => {
    // Prepare: a file where the dist folder's parent should be.
    const blocker = join(dist, "not-a-folder");
    await writeFile(blocker, "");
    // Act
    const failed = spawnStart(["--in-memory", "--port", String(await freePort()), "--api-port", String(await freePort()), "--dist", join(blocker, "dist")]);
    const code = await failed.exited;
    // Assess
    const lines = failed.output().trim().split("\n").filter((l) => l.startsWith("npm start:"));
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^npm start: avvio non riuscito: ENOTDIR/)]);
    expect(failed.output()).not.toMatch(/\n\s+at /);
  });

  it.each([
    ["Ctrl-C (SIGINT to the process group)", "SIGINT", "group"],
    ["SIGTERM to the start process alone", "SIGTERM", "start-process"],
    ["SIGTERM to npm alone (its sh does not pass it on)", "SIGTERM", "npm"],
  ] as const)("stops every process it started on %s", async (_name, signal, how) => {
    // Prepare: the first case stops the shared instance; the second starts its own.
    let target = app;
    let used = ports;
    if (how !== "group") {
      used = { web: await freePort(), api: await freePort() };
      target = await startOn(used.web, used.api);
      await waitReady(target);
    }
    // Act
    const { code, before } = await stop(target, signal, how);
    // Assess
    const javaPort = Number(/-port (\d+)/.exec(before.find((p) => p.cmd.startsWith("java "))?.cmd ?? "")?.[1]);
    // npm re-raises a Ctrl-C on itself; the start process says it stopped on the signal.
    expect(code).toBe({ group: "SIGINT", "start-process": 0, npm: "SIGTERM" }[how]);
    await expect.poll(() => before.filter((p) => isAlive(p.pid)).map((p) => p.cmd), { timeout: 10_000 }).toEqual([]);
    // npm killed alone no longer carries its children's output: the log ends with npm.
    if (how !== "npm") expect(target.output()).toContain(`Fermato (${signal}).`);
    expect(await listening(javaPort)).toBe(false);
    expect(await listening(used.web)).toBe(false);
    expect(await listening(used.api)).toBe(false);
  }, 150_000);
});
