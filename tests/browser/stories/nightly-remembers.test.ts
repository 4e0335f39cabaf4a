/**
 * Story (g) of issue #11, and the remembering report in the pane: the nightly job runs two nights
 * over a folder whose workbook holds an unresolved conflict. The second night the file is skipped
 * as not modified, yet the conflict is still listed; `npm run nightly` exits 1 (a person is
 * needed); the task pane shows the file as skipped with its open conflict, counted as needing a
 * person. Real parts: .xlsx files, the nightly job on DynamoDB Local, its console in a process of
 * its own, Chromium over the real pane and the local API.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "#functions/config.ts";
import { startLocalStack, type LocalStack } from "#functions/local/stack.ts";
import { createDocumentClient } from "#functions/store/client.ts";
import { runLocalNightly } from "#functions/nightly/local-run.ts";
import { DynamoWorkbookRegistry } from "#functions/nightly/registry-dynamo.ts";
import { pushRows } from "#functions/sync/push.ts";
import { bigDataPlan } from "#samples/seed-workbook.ts";
import { withCell, workbookBytes } from "../../nightly/support/workbooks.ts";
import { usePreviewSite } from "../harness.ts";
import { openPane } from "../pane-actions.ts";

const run = promisify(execFile);
const PLAN = "story-nightly";
const preview = usePreviewSite();
let stack: LocalStack;
let dir = "";

beforeAll(async () => {
  process.env["POWERTOOLS_LOG_LEVEL"] ??= "SILENT";
  stack = await startLocalStack({ corsOrigins: [preview.url] });
  await stack.store.createPlan(PLAN, "Storia notturna", "anna");
  dir = mkdtempSync(join(tmpdir(), "actionplan-story-g-"));
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const night = () =>
  runLocalNightly({
    dir,
    store: stack.store,
    registry: new DynamoWorkbookRegistry(createDocumentClient(config()), stack.tableName),
  });

/** `npm run nightly -- --dir <dir>` on the stack's table, in its own process: exit code and output. */
async function nightlyConsole(): Promise<{ code: number; out: string }> {
  const env = { ...process.env, LANG: "en_GB.UTF-8", LC_ALL: "", ACTIONPLAN_TABLE: stack.tableName, ACTIONPLAN_DYNAMODB_ENDPOINT: stack.dynamo.endpoint };
  try {
    const { stdout } = await run("npx", ["tsx", "functions/nightly/run-local.ts", "--dir", dir], { env, timeout: 120_000 });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, out: failed.stdout ?? "" };
  }
}

describe("story (g): the nightly job remembers an unresolved conflict", () => {
  it("lists it two nights running, exits 1, and the pane shows the skipped file with its open conflict", async () => {
    // Prepare: night 0 imports the workbook; then Bruno changes DGH's title in the cloud (v2) while
    // the file's copy changes it differently.
    const path = join(dir, "piano.xlsx");
    writeFileSync(path, await workbookBytes(bigDataPlan(), { planId: PLAN, rows: {} }));
    await night();
    const dgh = (await stack.store.listRows(PLAN, "project")).find((r) => r.key === "DGH");
    if (!dgh) throw new Error("night 0 did not import DGH");
    const bruno = { entity: "project" as const, key: "DGH", baseVersion: dgh.version, values: { ...dgh.values, title: "Titolo di Bruno" } };
    await pushRows(stack.store, PLAN, { idempotencyKey: "bruno-1", source: "addin", rows: [bruno] }, { id: "bruno", source: "addin" });
    writeFileSync(path, await workbookBytes(withCell(bigDataPlan(), "Progetti", 2, 3, "Titolo del file"), { planId: PLAN, rows: {} }));
    utimesSync(path, new Date(), new Date(Date.now() + 5_000));
    // Act: two nights, the second with the file untouched; then the console run.
    const first = (await night()).reports[0]?.files[0];
    const second = (await night()).reports[0]?.files[0];
    const console3 = await nightlyConsole();
    // Assess: the conflict is listed both nights; the second night says why the file was skipped.
    expect(first).toMatchObject({ status: "needs-attention", conflicts: 1 });
    expect(second).toMatchObject({ status: "skipped-unchanged", conflicts: 1 });
    expect(second?.errors).toEqual(first?.errors);
    expect(second?.errors.some((e) => /DGH/.test(e.message))).toBe(true);
    expect(console3.code).toBe(1);
    expect(console3.out).toContain(`${PLAN}  piano.xlsx: not modified since last time: the problems listed are still open — applied 0, unchanged 0, conflicts 1, invalid 0`);
    expect(console3.out).toMatch(/1 needing a person/);
    const cloud = (await stack.store.listRows(PLAN, "project")).find((r) => r.key === "DGH");
    expect(cloud?.values["title"]).toBe("Titolo di Bruno");
    // Act 2: Anna opens the report in the pane.
    const token = await stack.issuer.mintToken({ oid: "anna", name: "Anna" });
    const anna = await openPane(preview, { api: stack.apiUrl, plan: PLAN, user: "anna", token });
    await anna.getByTestId("run-report").getByRole("button").click();
    const file = anna.locator('[data-testid="run-file"][data-file="piano.xlsx"]');
    await file.waitFor();
    // Assess 2: skipped as not modified, its conflict still counted and listed, a person needed.
    expect(await file.getAttribute("data-status")).toBe("skipped-unchanged");
    expect(await file.textContent()).toMatch(/non modificato dall'ultima volta.*conflitti 1/);
    expect(await anna.getByTestId("run-statuses").textContent()).toMatch(/Da guardare: 1\. Saltati perché non modificati: 1\./);
    expect(await anna.getByTestId("run-report").textContent()).toMatch(/conflitti 1/);
    expect(await anna.getByTestId("run-report").textContent()).toMatch(/DGH/);
  });
});
