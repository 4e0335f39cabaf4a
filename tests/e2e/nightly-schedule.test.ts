/**
 * The nightly schedule `npm start` runs, fired for real (the due time brought close) over a
 * temporary workbooks/ folder against DynamoDB Local: the first run imports the saved workbook
 * and stores its report, the next one skips the unchanged file, and stop() ends the schedule.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "#functions/config.ts";
import { createDocumentClient } from "#functions/store/client.ts";
import { bigDataPlan } from "#samples/seed-workbook.ts";
import { writeXlsx } from "#samples/write-xlsx.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { scheduleNightly } from "../../dev/nightly-schedule.ts";

const PLAN = "piano-notturno";
const stack = useLocalStack();
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "actionplan-nightly-schedule-"));
  await writeXlsx(bigDataPlan(), join(folder, "piano.xlsx"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("the nightly schedule of npm start", () => {
  it("runs when due, imports a saved workbook, skips it when unchanged, and stops", async () => {
    // Prepare
    const lines: string[] = [];
    const runs = () => lines.filter((l) => l.startsWith("Sincronizzazione notturna del ")).length;
    const cfg = config();
    // Act
    const schedule = scheduleNightly({
      dir: folder,
      store: stack().store,
      documents: createDocumentClient(cfg),
      tableName: cfg.tableName,
      fallbackPlan: PLAN,
      lang: "it",
      log: (line) => lines.push(line),
      next: (now) => new Date(now.getTime() + 200),
    });
    await expect.poll(runs, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await schedule.stop();
    const afterStop = runs();
    await new Promise((r) => setTimeout(r, 1000));
    // Assess
    const files = lines.filter((l) => l.includes("piano.xlsx"));
    expect(files[0]).toBe(`  ${PLAN}  piano.xlsx: aggiornato — applicate 38, invariate 0, conflitti 0, non valide 0`);
    expect(files[1]).toMatch(/piano\.xlsx: non modificato dall'ultima volta/);
    expect(lines.some((l) => l.includes("non riuscita"))).toBe(false);
    expect(runs()).toBe(afterStop);
    const reports = await stack().store.listRuns(PLAN, 10);
    expect(reports.length).toBe(afterStop);
    expect(reports.at(-1)?.files[0]).toMatchObject({ file: "piano.xlsx", applied: 38 });
  }, 60_000);
});
