/**
 * Issue #17's "done when", through the real CLI over loopback HTTP to the local stack: sync a
 * workbook (.xlsx written by ExcelJS), change a project's outcome, sync again, and
 * `actionplan movement --from <a moment before the change> --json` lists that project with its
 * old and new PRL; `actionplan report --plan --as-of` shows the plan as it stood; bad dates exit 2.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "#cli/main.ts";
import type { ReportJson } from "#core/report/index.ts";
import type { MovementJson } from "#core/report/movement.ts";
import { bigDataPlan, type FixtureSheet } from "#samples/seed-workbook.ts";
import { FIXTURE_OUTPUT_DIR, writeXlsx } from "#samples/write-xlsx.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";

const PLAN = "cli-movement";
const stack = useLocalStack();
const dir = join(FIXTURE_OUTPUT_DIR, "..", `cli-movement-${process.pid}`);
let token = "";
let beforeChange = "";
let afterChange = "";

async function runCli(args: string[], lang: "it" | "en" = "en"): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main([...args, "--lang", lang], {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    cwd: dir,
  });
  return { code, out, err };
}

const api = (): string[] => ["--plan", PLAN, "--api", stack().apiUrl, "--token", token];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The seed plan with DGH (Progetti row 2, outcome "in attesa di valutazione", PRL 6) funded. */
function planWithDghFunded(): FixtureSheet[] {
  const sheets = bigDataPlan();
  const projects = sheets.find((s) => s.name === "Progetti");
  const head = projects?.values[0] ?? [];
  const row = projects?.values[1];
  const outcome = head.indexOf("Esito");
  if (!row || row[0] !== "DGH" || outcome < 0) throw new Error("fixture changed: Progetti row 2 is no longer DGH");
  row[outcome] = "finanziato";
  return sheets;
}

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  await stack().store.createPlan(PLAN, "CLI movement", "cli-user");
  token = await stack().issuer.mintToken({ oid: "cli-user" });
  await writeXlsx(bigDataPlan(), join(dir, "plan.xlsx"));
  const first = await runCli(["sync", "plan.xlsx", ...api()]);
  expect(first.code, first.err).toBe(0);
  await sleep(20);
  beforeChange = new Date().toISOString();
  await sleep(20);
  await writeXlsx(planWithDghFunded(), join(dir, "plan.xlsx"));
  const second = await runCli(["sync", "plan.xlsx", ...api()]);
  expect(second.code, second.err).toBe(0);
  await sleep(20);
  afterChange = new Date().toISOString();
});

describe("actionplan movement", () => {
  it("lists the project whose outcome changed, with its old and new PRL, when and by whom (schema-1 JSON)", async () => {
    const run = await runCli(["movement", ...api(), "--from", beforeChange, "--json"]);
    expect(run.code, run.err).toBe(0);
    const body = JSON.parse(run.out) as MovementJson;
    expect(body.schema).toBe(1);
    expect(body.projects).toEqual([
      expect.objectContaining({
        project: "DGH",
        kind: "changed",
        before: expect.objectContaining({ prl: 6, outcome: "under-evaluation" }),
        after: expect.objectContaining({ prl: 8, outcome: "funded" }),
        by: "cli-user",
      }),
    ]);
    expect(Date.parse(body.projects[0]?.at ?? "")).toBeGreaterThan(Date.parse(beforeChange));
  });

  it.each([
    ["en", "6 → 8 (+2)", "under evaluation → funded"],
    ["it", "6 → 8 (+2)", "in attesa di valutazione → finanziato"],
  ] as const)("prints the change in %s words, the PRL move spelled out", async (lang, prl, outcome) => {
    const run = await runCli(["movement", ...api(), "--from", beforeChange], lang);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain("DGH");
    expect(run.out).toContain(prl);
    expect(run.out).toContain(outcome);
  });

  it("lists nothing from a moment after the change", async () => {
    const run = await runCli(["movement", ...api(), "--from", afterChange, "--json"]);
    expect(run.code, run.err).toBe(0);
    expect((JSON.parse(run.out) as MovementJson).projects).toEqual([]);
  });

  it.each([
    [["--from", "ieri"], "ieri"],
    [["--from", "2026-01-01", "--to", "2026-02-30"], "2026-02-30"],
    [[], "--from"],
  ])("refuses %j with one line and exit 2", async (args, named) => {
    const run = await runCli(["movement", ...api(), ...args]);
    expect(run.code).toBe(2);
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(run.err).toContain(named);
  });
});

describe("actionplan report --plan", () => {
  it("reports the plan as it stood before the change, and as it is now", async () => {
    const then = await runCli(["report", ...api(), "--as-of", beforeChange, "--json"]);
    const now = await runCli(["report", ...api(), "--json"]);
    const prlOf = (out: string) => (JSON.parse(out) as ReportJson).projects.find((p) => p.code === "DGH")?.prl;
    expect(prlOf(then.out)).toBe(6);
    expect(prlOf(now.out)).toBe(8);
    expect((JSON.parse(then.out) as ReportJson).asOf).toBe(beforeChange);
  });

  it("prints the human report with the moment in its heading", async () => {
    const run = await runCli(["report", ...api(), "--as-of", "2020-01-01"], "it");
    expect(run.out).toContain(`Piano ${PLAN} com'era al 2020-01-01T23:59:59.999Z`);
  });

  it("says which API refused, in the user's language, and exits 2", async () => {
    const run = await runCli(["report", "--plan", PLAN, "--api", stack().apiUrl, "--token", "not-a-token"], "it");
    expect(run.code).toBe(2);
    expect(run.err).toContain("HTTP 401");
  });
});
