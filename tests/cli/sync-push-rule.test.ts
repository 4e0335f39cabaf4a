/**
 * `actionplan sync` against the real local stack, for what it must not send: deletions it cannot
 * be sure of (the core's `outgoingRows`), hashes parsed in another locale than the add-in's, and
 * the bearer token to an address only the workbook names.
 */
import { mkdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "#cli/main.ts";
import { SIDECAR_SUFFIX } from "#cli/sync-state-file.ts";
import { analyzeWorkbook } from "#core/analyze.ts";
import type { WithheldDeletions } from "#core/sync/outgoing.ts";
import type { RowResult } from "#core/sync/protocol.ts";
import { rowHash } from "#core/sync/hash.ts";
import { planRows } from "#core/sync/rows.ts";
import type { SyncState } from "#core/sync/state.ts";
import { bigDataPlan, snapshotOf, type FixtureSheet } from "#samples/seed-workbook.ts";
import { FIXTURE_OUTPUT_DIR, writeXlsx } from "#samples/write-xlsx.ts";
import { syncSheet, withCell } from "#tests/nightly/support/workbooks.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";

const stack = useLocalStack();
const dir = join(FIXTURE_OUTPUT_DIR, "..", `cli-sync-rule-${process.pid}`);
let token = "";
let seq = 0;

/** A loopback server that only counts what reaches it (where a crafted file would send a token). */
const collector = { requests: 0, url: "" };
const collectorServer = createServer((req, res) => {
  collector.requests++;
  req.resume();
  res.writeHead(200, { "content-type": "application/json" }).end('{"results":[]}');
});

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  token = await stack().issuer.mintToken({ oid: "rule-user" });
  await new Promise<void>((done) => collectorServer.listen(0, "127.0.0.1", done));
  collector.url = `http://127.0.0.1:${(collectorServer.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => collectorServer.close(() => done())));

async function freshPlan(): Promise<string> {
  const id = `cli-rule-${process.pid}-${++seq}`;
  await stack().store.createPlan(id, id, "rule-user");
  return id;
}

async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd: dir });
  return { code, out, err };
}

interface SyncReport {
  sent: number;
  results: RowResult[];
  withheld: WithheldDeletions[];
  counts: Record<"applied" | "unchanged" | "conflict" | "invalid", number>;
}

async function syncJson(file: string, plan: string, extra: string[] = []) {
  const run = await runCli([
    "sync",
    file,
    "--plan",
    plan,
    "--api",
    stack().apiUrl,
    "--token",
    token,
    "--json",
    ...extra,
  ]);
  return { ...run, report: JSON.parse(run.out) as SyncReport };
}

/** The keys of the live (not deleted) rows of one kind in the cloud. */
async function liveKeys(plan: string, entity: string): Promise<string[]> {
  const rows = await stack().store.listRows(plan);
  return rows
    .filter((r) => r.entity === entity && !r.deleted)
    .map((r) => r.key)
    .sort();
}

describe("actionplan sync sends no deletion it cannot be sure of", () => {
  it.each<[string, FixtureSheet[], WithheldDeletions[], RegExp]>([
    [
      "a project code cell turned into #REF! (the row is held under another key)",
      withCell(bigDataPlan(), "Progetti", 2, 1, "#REF!"),
      [{ entity: "project", reason: "held-rows", count: 1 }],
      /progetti: 1 eliminazione non inviata/,
    ],
    [
      "the Progetti sheet removed",
      bigDataPlan().filter((s) => s.name !== "Progetti"),
      [{ entity: "project", reason: "sheet-missing", count: 11 }],
      /progetti: 11 eliminazioni non inviate/,
    ],
  ])(
    "keeps every project in the cloud after %s, and says so on stderr and in --json",
    async (_name, edited, withheld, line) => {
      // Prepare: a synced workbook (the sidecar records every row)
      const plan = await freshPlan();
      const file = `rule-${seq}.xlsx`;
      await writeXlsx(bigDataPlan(), join(dir, file));
      await syncJson(file, plan);
      const before = await liveKeys(plan, "project");
      await writeXlsx(edited, join(dir, file));
      // Act
      const result = await syncJson(file, plan);
      // Assess
      expect(await liveKeys(plan, "project")).toEqual(before);
      expect(result.report.withheld).toEqual(withheld);
      expect(result.err.trim().split("\n")).toHaveLength(1);
      expect(result.err).toMatch(line);
    },
  );
});

describe("actionplan sync parses cells as the add-in did", () => {
  /** DGH submitted "03/04/2022" and budget "1,500", typed as text. */
  const typed = (): FixtureSheet[] =>
    withCell(withCell(bigDataPlan(), "Progetti", 2, 9, "03/04/2022"), "Progetti", 2, 13, "1,500");

  it.each<[string, "it" | "en" | undefined, string[], "it" | "en", { submitted: string; totalBudget: number }]>([
    [
      "the sync sheet's locale en, whatever --locale says",
      "en",
      ["--locale", "it", "--lang", "it"],
      "en",
      { submitted: "2022-03-04", totalBudget: 1500 },
    ],
    ["the sync sheet's locale it", "it", ["--locale", "en", "--lang", "en"], "it", { submitted: "2022-04-03", totalBudget: 1.5 }],
    [
      "--locale en when the sync sheet states none",
      undefined,
      ["--locale", "en"],
      "en",
      { submitted: "2022-03-04", totalBudget: 1500 },
    ],
    [
      "the Italian headings when neither says (--lang only changes the messages)",
      undefined,
      ["--lang", "en"],
      "it",
      { submitted: "2022-04-03", totalBudget: 1.5 },
    ],
  ])(
    "reads DGH with %s, so the cloud's hash is the add-in's",
    async (_name, sheetLocale, flags, addinLocale, expected) => {
      // Prepare
      const plan = await freshPlan();
      const file = `locale-${seq}.xlsx`;
      const state: SyncState = { planId: plan, rows: {}, ...(sheetLocale ? { locale: sheetLocale } : {}) };
      await writeXlsx([...typed(), syncSheet(state)], join(dir, file));
      const addin = planRows(analyzeWorkbook(snapshotOf(typed()), { locale: addinLocale }).plan);
      // Act
      const result = await syncJson(file, plan, flags);
      // Assess
      const dgh = (await stack().store.listRows(plan)).find((r) => r.entity === "project" && r.key === "DGH");
      expect(result.report.results.find((r) => r.key === "DGH")?.status).toBe("applied");
      expect(dgh?.values).toMatchObject(expected);
      expect(rowHash(dgh?.values ?? {})).toBe(
        addin.rows.find((r) => r.entity === "project" && r.key === "DGH")?.hash,
      );
    },
  );
});

describe("actionplan sync sends the token only where the user said", () => {
  it.each([
    ["its sync sheet", "sheet"],
    ["its sidecar", "sidecar"],
  ])("refuses, naming the URL, when only %s names the API, and contacts nobody", async (_name, where) => {
    // Prepare
    const plan = await freshPlan();
    const file = `crafted-${seq}.xlsx`;
    const state: SyncState = {
      planId: plan,
      rows: {},
      ...(where === "sheet" ? { apiUrl: collector.url } : {}),
    };
    await writeXlsx([...bigDataPlan(), syncSheet(state)], join(dir, file));
    if (where === "sidecar")
      await writeFile(
        join(dir, `${file}${SIDECAR_SUFFIX}`),
        JSON.stringify({ schema: 1, planId: plan, apiUrl: collector.url, rows: {} }),
      );
    const saved = process.env["ACTIONPLAN_API_URL"];
    delete process.env["ACTIONPLAN_API_URL"];
    const before = collector.requests;
    // Act
    const result = await runCli(["sync", file, "--plan", plan, "--token", token, "--lang", "en"]);
    if (saved !== undefined) process.env["ACTIONPLAN_API_URL"] = saved;
    // Assess
    expect(result.code).toBe(2);
    expect(result.err.trim().split("\n")).toHaveLength(1);
    expect(result.err).toContain(`pass --api ${collector.url}`);
    expect(collector.requests).toBe(before);
  });

  it("uses ACTIONPLAN_API_URL over the URL the workbook names", async () => {
    // Prepare
    const plan = await freshPlan();
    const file = `env-${seq}.xlsx`;
    await writeXlsx(
      [...bigDataPlan(), syncSheet({ planId: plan, apiUrl: collector.url, rows: {} })],
      join(dir, file),
    );
    const saved = process.env["ACTIONPLAN_API_URL"];
    process.env["ACTIONPLAN_API_URL"] = stack().apiUrl;
    const before = collector.requests;
    // Act
    const result = await runCli(["sync", file, "--plan", plan, "--token", token, "--json"]);
    if (saved === undefined) delete process.env["ACTIONPLAN_API_URL"];
    else process.env["ACTIONPLAN_API_URL"] = saved;
    // Assess
    expect(result.code).toBe(0);
    expect((JSON.parse(result.out) as SyncReport).counts.applied).toBeGreaterThan(0);
    expect(collector.requests).toBe(before);
  });
});
