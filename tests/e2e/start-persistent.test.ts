/**
 * `npm start` with persistent data (in a temporary data folder): the sample is imported once, a
 * second start on the same data refuses, `npm run nightly` runs against the running start's
 * database, and after a restart the plan and its rows are still there.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChangesResponse } from "#core/sync/protocol.ts";
import { freePort } from "#functions/local/dynamodb-local.ts";
import { call } from "#tests/support/api-client.ts";
import { spawnNpm, spawnStart, waitReady, type ReadyInfo, type StartedApp } from "./support/start-process.ts";

const PLAN = "clust-er-2025";
const SAMPLE_ROWS = 38;

let dir: string;
let running: StartedApp | undefined;

/** Starts on fresh ports over the shared data, workbooks and dist folders. */
async function start(): Promise<{ app: StartedApp; ready: ReadyInfo }> {
  const app = spawnStart(["--port", String(await freePort()), "--api-port", String(await freePort()), "--data", join(dir, "data"), "--workbooks", join(dir, "workbooks"), "--dist", join(dir, "dist")]);
  running = app;
  return { app, ready: await waitReady(app) };
}

async function stop(app: StartedApp): Promise<void> {
  process.kill(-(app.child.pid as number), "SIGINT");
  await app.exited;
  running = undefined;
}

async function rowCount(ready: ReadyInfo): Promise<number> {
  const reply = await call<ChangesResponse>(ready.api, "GET", `/plans/${PLAN}/changes?limit=1000`, { token: ready.token });
  return new Set(reply.body.changes.map((c) => `${c.entity}:${c.key}`)).size;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "actionplan-start-data-"));
});

afterAll(async () => {
  if (running?.child.pid !== undefined && running.child.exitCode === null && running.child.signalCode === null) process.kill(-running.child.pid, "SIGKILL");
  await rm(dir, { recursive: true, force: true });
});

describe("npm start with persistent data", () => {
  it("imports the sample once, refuses a second start, shares its database with npm run nightly, and keeps the plan across a restart", async () => {
    // Prepare
    const first = await start();
    expect(first.app.output()).toContain(`${SAMPLE_ROWS} righe importate`);
    expect(existsSync(join(dir, "data", "start.json"))).toBe(true);
    expect(existsSync(join(dir, "workbooks", "sample-action-plan.xlsx"))).toBe(true);
    // Act: a second start on the same data, then the nightly job now.
    const second = spawnStart(["--port", String(await freePort()), "--api-port", String(await freePort()), "--data", join(dir, "data"), "--dist", join(dir, "dist")]);
    const secondCode = await second.exited;
    const nightly = spawnNpm("nightly", ["--dir", join(dir, "workbooks")], { ACTIONPLAN_DATA_DIR: join(dir, "data") });
    const nightlyCode = await nightly.exited;
    // Assess
    expect(secondCode).toBe(2);
    expect(second.output()).toMatch(/^npm start: un altro npm start usa già questi dati \(pid \d+, https?:\/\/localhost:\d+\): fermarlo prima con Ctrl-C\.$/m);
    expect(nightlyCode).toBe(0);
    expect(nightly.output()).toMatch(/^uso il database di npm start già avviato \(pid \d+\) su http:\/\/127\.0\.0\.1:\d+$/m);
    expect(nightly.output()).toContain(`${PLAN}  sample-action-plan.xlsx: nulla di nuovo — applicate 0, invariate ${SAMPLE_ROWS}, conflitti 0, non valide 0`);
    // Act: restart over the same data.
    await stop(first.app);
    expect(existsSync(join(dir, "data", "start.json"))).toBe(false);
    const again = await start();
    // Assess
    expect(again.app.output()).toContain("piano già presente");
    expect(await rowCount(again.ready)).toBe(SAMPLE_ROWS);
    await stop(again.app);
  }, 240_000);
});
