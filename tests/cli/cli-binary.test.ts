/**
 * The real `actionplan` binary (node cli/bin.mjs) on generated .xlsx files: exit codes, the
 * schema-1 JSON document, planted issues at their cells, one-line errors without stack traces.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportJson } from "#core/report/index.ts";
import { bigDataPlan, messyPlan, PLANTED_ISSUES, annualReport2022 } from "#samples/seed-workbook.ts";
import { largeWorkbook } from "#samples/large-workbook.ts";
import { writeXlsx } from "#samples/write-xlsx.ts";
import { BIN, hasStackFrame, outputDir, REPO_ROOT, runCli } from "./helpers.ts";

let dir = "";
const TODAY = ["--today", "2022-12-31"];

beforeAll(async () => {
  dir = await outputDir("cli-binary");
  await writeXlsx(bigDataPlan(), `${dir}/plan.xlsx`);
  await writeXlsx(messyPlan(), `${dir}/messy.xlsx`);
  await writeXlsx(annualReport2022(), `${dir}/annual.xlsx`);
  await writeXlsx(
    [{ name: "Foglio1", values: [["Lista della spesa"], ["pane", 2]] }],
    `${dir}/unrelated.xlsx`,
  );
  await writeFile(`${dir}/corrupt.xlsx`, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64, 1)]));
  await writeFile(`${dir}/notes.txt`, "not a workbook");
});

async function json(args: string[]): Promise<{ code: number | null; report: ReportJson }> {
  const run = await runCli([...args, "--json", ...TODAY], dir);
  return { code: run.code, report: JSON.parse(run.stdout) as ReportJson };
}

describe("exit codes (SPEC §10)", () => {
  it.each([
    [["validate", "plan.xlsx"], 0],
    [["validate", "annual.xlsx"], 0],
    [["validate", "messy.xlsx"], 1],
    [["validate", "unrelated.xlsx"], 1],
    [["report", "plan.xlsx"], 0],
    [["report", "messy.xlsx", "--strict"], 1],
    [["validate", "missing.xlsx"], 2],
    [["validate", "corrupt.xlsx"], 2],
    [["validate", "notes.txt"], 2],
    [["validate"], 2],
    [["validate", "plan.xlsx", "other.xlsx"], 2],
    [["validate", "plan.xlsx", "--locale", "fr"], 2],
    [["validate", "plan.xlsx", "--bogus"], 2],
    [["validate", "plan.xlsx", "--strict"], 2],
    [["frobnicate"], 2],
    [[], 2],
    [["--help"], 0],
    [["report", "--help"], 0],
  ])("actionplan %j exits %i", async (args, code) => {
    // Act
    const run = await runCli(args, dir);
    // Assess
    expect(run.code).toBe(code);
  });
});

describe("start-up paths", () => {
  it.each([
    ["the cached esbuild bundle", {}],
    ["tsx (ACTIONPLAN_NO_BUNDLE=1)", { ACTIONPLAN_NO_BUNDLE: "1" }],
  ])("%s gives the same JSON report", async (_how, env) => {
    const run = await runCli(["report", "plan.xlsx", "--json", ...TODAY], dir, env);
    const reference = await runCli(["report", "plan.xlsx", "--json", ...TODAY], dir, {
      ACTIONPLAN_NO_BUNDLE: "1",
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(reference.stdout));
  });

  it("keeps the bundle and the list of its sources under .cache/cli", async () => {
    await runCli(["validate", "plan.xlsx"], dir);
    const manifest = JSON.parse(
      await readFile(join(REPO_ROOT, ".cache", "cli", "manifest.json"), "utf8"),
    ) as { dir: string; inputs: Record<string, unknown> };
    expect(Object.keys(manifest.inputs)).toEqual(
      expect.arrayContaining(["cli/main.ts", "xlsx/read-workbook.ts", "core/analyze.ts", "package-lock.json"]),
    );
    expect(existsSync(join(REPO_ROOT, ".cache", "cli", manifest.dir, "main.mjs"))).toBe(true);
  });

  it("starts node with the same options through `npm run actionplan` and through the binary's #! line", async () => {
    // The options are part of the command's speed (cli/bin.mjs says why): the two ways in keep them equal.
    const pkg = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    const shebang = (await readFile(BIN, "utf8")).split("\n")[0] ?? "";
    const script = /^node (.*)cli\/bin\.mjs$/.exec(pkg.scripts.actionplan ?? "")?.[1]?.trim();
    const line = /^#!\/usr\/bin\/env -S node (.*)$/.exec(shebang)?.[1]?.trim();
    expect(script).toBe("--max-semi-space-size=2");
    expect(line).toBe(script);
  });

  it("runs as an executable through its #! line (env -S)", async () => {
    const run = await new Promise<{ code: number | null; stdout: string }>((done, fail) => {
      const child = spawn(BIN, ["--version"], { cwd: dir });
      let stdout = "";
      child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
      child.on("error", fail);
      child.on("close", (code) => done({ code, stdout }));
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^actionplan \d+\.\d+\.\d+\n$/);
  });

  it("prints the version with --version", async () => {
    const run = await runCli(["--version"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^actionplan \d+\.\d+\.\d+\n$/);
  });

  it.each([
    ["it", ["Uso: actionplan", "validate", "report", "Codici di uscita"]],
    ["en", ["Usage: actionplan", "validate", "report", "Exit codes"]],
  ])("--help in %s lists the commands", async (locale, words) => {
    const run = await runCli(["--help", "--lang", locale], dir);
    for (const w of words) expect(run.stdout).toContain(w);
  });
});

describe("unusable input: one line on stderr, no stack trace", () => {
  it.each([
    [["validate", "missing.xlsx"], "missing.xlsx"],
    [["validate", "corrupt.xlsx"], "corrupt.xlsx"],
    [["report", "notes.txt", "--lang", "en"], "notes.txt"],
    [["validate", "plan.xlsx", "--bogus"], "--bogus"],
    [["frobnicate"], "frobnicate"],
  ])("actionplan %j names %s", async (args, mention) => {
    const run = await runCli(args, dir);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(run.stderr).toContain(mention);
    expect(hasStackFrame(run.stderr)).toBe(false);
    expect(run.stdout).toBe("");
  });

  it.each([
    ["it", "non esiste"],
    ["en", "does not exist"],
  ])("speaks %s when --lang says so", async (locale, words) => {
    const run = await runCli(["validate", "missing.xlsx", "--lang", locale], dir);
    expect(run.stderr).toContain(words);
  });
});

describe("--json document (schema 1)", () => {
  it("is the same text redirected into a file (synchronous writes) as through a pipe", async () => {
    // Act: a workbook whose report is megabytes, so the file gets several writes of one buffer.
    await writeXlsx(largeWorkbook({ projects: 3_000 }), `${dir}/large-3000.xlsx`);
    const args = ["validate", "large-3000.xlsx", "--json", ...TODAY];
    const piped = await runCli(args, dir);
    const path = `${dir}/large.json`;
    const fd = openSync(path, "w");
    const code = await new Promise<number | null>((done, fail) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ["ignore", fd, "inherit"] });
      child.on("error", fail);
      child.on("close", done);
    });
    closeSync(fd);
    // Assess
    const written = await readFile(path, "utf8");
    expect(code).toBe(piped.code);
    expect(written.length).toBeGreaterThan(1 << 20);
    expect(written).toBe(piped.stdout);
    expect((JSON.parse(written) as ReportJson).projects).toHaveLength(3_000);
  });

  it("has the SPEC §10 fields and counts that match the issues", async () => {
    // Act
    const { report } = await json(["validate", "plan.xlsx"]);
    // Assess
    expect(report).toMatchObject({
      schema: 1,
      file: "plan.xlsx",
      counts: { errors: 0, warnings: 0 },
      issues: [],
    });
    for (const key of ["priorities", "lines", "projects", "budget", "rollups"])
      expect(report).toHaveProperty(key);
    for (const key of ["byPriority", "byLine", "byProgramme", "byOutcome", "byYear"])
      expect(report.rollups).toHaveProperty(key);
  });

  it("reads DigitalGreenHealth from the seed 003 card: PRL 6, € 499 875, under evaluation", async () => {
    const { report } = await json(["report", "plan.xlsx"]);
    const dgh = report.projects.find((p) => p.acronym === "DigitalGreenHealth");
    expect(dgh).toMatchObject({
      code: "DGH",
      line: "5.2",
      programme: "Horizon Europe",
      call: "HORIZON-EIE-2021-CONNECT-01",
      submitted: "2021-10-26",
      outcome: "under-evaluation",
      totalBudget: 499875,
      prl: 6,
      prlStrict: 6,
    });
  });

  it("sums the seed 001 budget: CLUSTER-2020 direct 160 000 + overhead 40 000 = 200 000", async () => {
    const { report } = await json(["report", "plan.xlsx"]);
    expect(report.budget.find((b) => b.project === "CLUSTER-2020")).toMatchObject({
      direct: 160000,
      overhead: 40000,
      total: 200000,
    });
  });

  it("puts priority 5 at the highest PRL of its lines", async () => {
    const { report } = await json(["report", "plan.xlsx"]);
    const lines5 = report.lines.filter((l) => l.priority === "5");
    expect(lines5.map((l) => l.code)).toEqual(["5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7"]);
    expect(report.priorities.find((p) => p.code === "5")?.prl).toBe(Math.max(...lines5.map((l) => l.prl)));
  });

  it("reads the annual report's combined layout: 5 priorities, 22 lines", async () => {
    const { report } = await json(["validate", "annual.xlsx"]);
    expect(report.priorities.map((p) => p.code)).toEqual(["1", "2", "3", "4", "5"]);
    expect(report.lines).toHaveLength(22);
  });

  it("marks the report strict with --strict", async () => {
    const { report } = await json(["report", "plan.xlsx", "--strict"]);
    expect(report.mode).toBe("strict");
  });
});

describe("planted issues of the messy plan", () => {
  let report: ReportJson;
  beforeAll(async () => {
    report = (await json(["validate", "messy.xlsx"])).report;
  });

  it.each(PLANTED_ISSUES.map((p) => [`${p.sheet}!${p.cell}`, p.code, p.severity, p]))(
    "%s reports %s (%s)",
    (_at, code, severity) => {
      const [sheet, cell] = _at.split("!");
      expect(report.issues).toContainEqual(expect.objectContaining({ sheet, cell, code, severity }));
    },
  );

  it("locates every issue with row, heading and a message in the chosen language", async () => {
    const en = (await json(["validate", "messy.xlsx", "--lang", "en"])).report;
    const negative = en.issues.find((i) => i.code === "value.negative" && i.sheet === "Progetti");
    expect(negative).toMatchObject({
      column: "Contributo richiesto",
      row: Number(negative?.cell.replace(/^[A-Z]+/, "")),
    });
    expect(negative?.message).toMatch(/Negative value/);
    expect(report.issues.find((i) => i.code === "value.negative" && i.sheet === "Progetti")?.message).toMatch(
      /Valore negativo/,
    );
  });
});

describe("human report", () => {
  it.each([
    ["it", ["ERRORE", "Foglio Progetti", "J20"]],
    ["en", ["ERROR", "Sheet Progetti", "J20"]],
  ])("validate in %s groups the issues by sheet with their cells", async (locale, words) => {
    const run = await runCli(["validate", "messy.xlsx", "--lang", locale], dir);
    for (const w of words) expect(run.stdout).toContain(w);
    // Errors come before warnings within a sheet.
    const block = run.stdout.split(/\n\n/).find((b) => b.includes("Progetti\n")) ?? "";
    const kinds = block
      .split("\n")
      .slice(1)
      .map((l) => l.trim().split(/\s/)[0]);
    expect(kinds).toEqual([...kinds].sort((a, b) => (a === b ? 0 : a === words[0] ? -1 : 1)));
  });

  it("report prints PRL and roll-up tables", async () => {
    const run = await runCli(["report", "plan.xlsx", "--lang", "en", ...TODAY], dir);
    expect(run.stdout).toMatch(
      /DigitalGreenHealth\s+5\.2\s+under evaluation\s+6\s+6\s+Submitted\s+€499,875\.00/,
    );
    expect(run.stdout).toContain("Roll-up by programme");
    expect(run.stdout).toMatch(/CLUSTER-2020\s+€160,000\.00\s+€40,000\.00\s+€200,000\.00/);
  });
});

describe("output piped into a reader that stops early (`actionplan report x.xlsx --json | head -c 100`)", () => {
  it("exits quietly, without an EPIPE stack", async () => {
    // Arrange: a report of 600 projects is far larger than a pipe's 64 KB buffer.
    await writeXlsx(largeWorkbook({ projects: 600 }), `${dir}/large.xlsx`);
    // Act: read the first chunk, then close the pipe.
    const run = await new Promise<{ code: number | null; stderr: string; got: number }>((done, fail) => {
      const child = spawn(process.execPath, [BIN, "report", "large.xlsx", "--json", ...TODAY], { cwd: dir });
      let got = 0;
      let stderr = "";
      child.stdout.once("data", (chunk: Buffer) => {
        got = chunk.length;
        child.stdout.destroy();
      });
      child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
      child.on("error", fail);
      child.on("close", (code) => done({ code, stderr, got }));
    });
    // Assess
    expect(run.got).toBeGreaterThan(0);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});
