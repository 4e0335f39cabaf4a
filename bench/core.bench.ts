/**
 * SPEC §11 performance of reading and analysing a 10 000-project / 40 000-budget-row workbook,
 * all ratios measured in one run against the same file:
 * - ExcelJS alone loading the file (the baseline),
 * - the core alone: snapshot → issues + PRL + roll-ups (≤ 300 ms),
 * - read + analyse in-process ÷ ExcelJS load (adds at most 50 %: ≤ 1.5),
 * - the CLI's whole process `node cli/bin.mjs report file --json` ÷ ExcelJS load (≤ 1.5), against
 *   the warm in-process load and against ExcelJS loading the file in a fresh process (like for like:
 *   both pay Node start-up and a cold JIT).
 * Each figure is the median of RUNS runs after one warm-up, interleaved so drift hits all alike.
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "#cli/read-xlsx.ts";
import { reportOfSnapshot } from "#cli/pipeline.ts";
import type { WorkbookSnapshot } from "#core/snapshot/types.ts";
import { largeWorkbook } from "#tests/fixtures/large-workbook.ts";
import { writeXlsx } from "#tests/fixtures/write-xlsx.ts";
import type { BenchFigure } from "./figure.ts";
import { median, round, timeMs } from "./figure.ts";

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "cli", "bin.mjs");
const OPTS = { locale: "it", today: "2026-01-01" } as const;

async function excelJsLoad(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  // Same call as the reader (cli/read-xlsx.ts) makes.
  await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
}

async function readAndAnalyse(path: string): Promise<void> {
  reportOfSnapshot(await readWorkbookFile(path), "large.xlsx", OPTS);
}

/** ExcelJS loading the file in a fresh Node process: the CLI's like-for-like baseline (cold start, cold JIT). */
const LOAD_SCRIPT = `import ExcelJS from "exceljs"; import { readFile } from "node:fs/promises";
await new ExcelJS.Workbook().xlsx.load(await readFile(process.argv[1]));`;

function spawnOk(args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (s: string) => (err += s));
    child.on("error", fail);
    child.on("close", (code) =>
      code === 0 || code === 1 ? done() : fail(new Error(`${args[0]} exited ${code}: ${err.trim()}`)),
    );
  });
}

/** The real binary to completion (exit 0, or 1 when the workbook has errors). */
const cliProcess = (path: string) => spawnOk([BIN, "report", path, "--json", "--today", OPTS.today]);
const loadProcess = (path: string) => spawnOk(["--input-type=module", "-e", LOAD_SCRIPT, path]);

export async function run(): Promise<BenchFigure[]> {
  const path = join(tmpdir(), `actionplan-bench-${process.pid}`, `large-${PROJECTS}.xlsx`);
  const genMs = await timeMs(() => writeXlsx(largeWorkbook({ projects: PROJECTS }), path));
  const snapshot: WorkbookSnapshot = await readWorkbookFile(path);
  const report = reportOfSnapshot(snapshot, "large.xlsx", OPTS);

  // Warm-up: JIT and file cache for every measured path.
  await excelJsLoad(path);
  await readAndAnalyse(path);
  await cliProcess(path);
  await loadProcess(path);

  const load: number[] = [];
  const loadProc: number[] = [];
  const inProcess: number[] = [];
  const core: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    load.push(await timeMs(() => excelJsLoad(path)));
    inProcess.push(await timeMs(() => readAndAnalyse(path)));
    core.push(await timeMs(() => reportOfSnapshot(snapshot, "large.xlsx", OPTS)));
    cli.push(await timeMs(() => cliProcess(path)));
    loadProc.push(await timeMs(() => loadProcess(path)));
  }
  const loadMs = median(load);
  const coreMs = median(core);
  const inProcessRatio = median(inProcess) / loadMs;
  const cliRatio = median(cli) / loadMs;
  const cliProcRatio = median(cli) / median(loadProc);
  const n = PROJECTS.toLocaleString("en-US");
  const rows = report.projects.length;

  return [
    {
      figure: `workbook: ${n} projects, ${(4 * PROJECTS).toLocaleString("en-US")} budget rows (generate + write)`,
      value: round(genMs),
      unit: "ms",
    },
    { figure: `ExcelJS alone: load the file (median of ${RUNS})`, value: round(loadMs), unit: "ms" },
    {
      figure: "core alone: snapshot → issues + PRL + roll-ups",
      value: round(coreMs),
      unit: "ms",
      target: "≤ 300 ms",
      pass: coreMs <= 300,
    },
    { figure: "read + analyse in-process", value: round(median(inProcess)), unit: "ms" },
    {
      figure: "read + analyse in-process ÷ ExcelJS load",
      value: round(inProcessRatio),
      unit: "×",
      target: "≤ 1.5",
      pass: inProcessRatio <= 1.5,
    },
    { figure: "CLI whole process (report --json)", value: round(median(cli)), unit: "ms" },
    {
      figure: "CLI whole process ÷ ExcelJS load (warm, in-process)",
      value: round(cliRatio),
      unit: "×",
      target: "≤ 1.5",
      pass: cliRatio <= 1.5,
    },
    {
      figure: "ExcelJS alone: load the file in a fresh node process",
      value: round(median(loadProc)),
      unit: "ms",
    },
    {
      figure: "CLI whole process ÷ ExcelJS load in a fresh process",
      value: round(cliProcRatio),
      unit: "×",
      target: "≤ 1.5",
      pass: cliProcRatio <= 1.5,
    },
    {
      figure: "projects in the report (sanity)",
      value: rows,
      unit: "",
      target: `= ${PROJECTS}`,
      pass: rows === PROJECTS,
    },
  ];
}
