/**
 * Reading and analysing the 10 000-project / 40 000-budget-row workbook (SPEC §11, issue 14
 * "Speed"), all in one run against the same file:
 * - the xlsx/ reader's load alone and ExcelJS's load alone, in-process (context) and each in a
 *   fresh `node` process (the reader from an esbuild bundle, as the CLI and the Lambda run it);
 * - the core alone: snapshot → issues + PRL + roll-ups (≤ 300 ms);
 * - the whole `npm run actionplan -- validate <file> --json` process (npm, the bundled binary,
 *   read, analyse, print) ÷ ExcelJS's load alone in a fresh process: ≤ 0.5 (the command, start-up
 *   included, is done before ExcelJS alone has opened the file);
 * - peak memory (max RSS) of the reader, of ExcelJS and of the command;
 * - the nightly Lambda's bundle size and module init time (it reads workbooks with the reader).
 * Each figure is the median of RUNS runs after one warm-up, interleaved so drift hits all alike
 * (the in-process core alone is timed first, on its own: see run()).
 * Wall clock and CPU time (user + system, every thread and every process involved) are both
 * given: on a shared machine the wall clock measures the neighbours, CPU time still measures the code.
 */
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import ExcelJS from "exceljs";
import { reportOfSnapshot } from "#cli/pipeline.ts";
import { readWorkbookBuffer } from "#xlsx/read-workbook.ts";
import type { BenchFigure } from "./figure.ts";
import { median, round, timeMs } from "./figure.ts";
import { lambdaBundleFigures, NIGHTLY_LAMBDA } from "./lambda-bundle.ts";

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OPTS = { locale: "it", today: "2026-01-01" } as const;

/** Wall and CPU milliseconds and peak resident memory (MB) of one measured run. */
interface Sample {
  wall: number;
  cpu: number;
  rssMb: number;
}

/**
 * Preloaded (NODE_OPTIONS) into every node process of a measured command, npm's included:
 * each prints its own CPU time and peak RSS on stderr at exit.
 */
const PROBE =
  "data:text/javascript," +
  encodeURIComponent(
    'import { writeSync } from "node:fs"; process.on("exit", () => { const u = process.cpuUsage(); writeSync(2, `\\n@probe ${(u.user + u.system) / 1000} ${process.resourceUsage().maxRSS / 1024}\\n`); });',
  );

/** Runs a command to completion (exit 0 or 1); wall time, summed CPU and the largest peak RSS. */
function spawnMeasured(command: string, args: string[]): Promise<Sample> {
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, NODE_OPTIONS: `--import=${PROBE}` },
    });
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (s: string) => (err += s));
    child.on("error", fail);
    child.on("close", (code) => {
      const wall = Number(process.hrtime.bigint() - start) / 1e6;
      let cpu = 0;
      let rssMb = 0;
      for (const m of err.matchAll(/@probe ([\d.]+) ([\d.]+)/g)) {
        cpu += Number(m[1]);
        rssMb = Math.max(rssMb, Number(m[2]));
      }
      if (code === 0 || code === 1) done({ wall, cpu, rssMb });
      else fail(new Error(`${command} ${args.join(" ")} exited ${code}: ${err.trim().split("\n")[0] ?? ""}`));
    });
  });
}

async function measure(fn: () => unknown): Promise<Sample> {
  const before = process.cpuUsage();
  const wall = await timeMs(fn);
  const used = process.cpuUsage(before);
  return { wall, cpu: (used.user + used.system) / 1000, rssMb: Number.NaN };
}

/** ExcelJS loading the file in a fresh process: the plain call, as any program would make it. */
const EXCELJS_SCRIPT = `import ExcelJS from "exceljs"; import { readFile } from "node:fs/promises";
await new ExcelJS.Workbook().xlsx.load(await readFile(process.argv[1]));`;

const med = (xs: readonly Sample[], k: keyof Sample): number => median(xs.map((x) => x[k]));

/** Writes the workbook in a child process (bench/write-large-workbook.ts says why). */
function writeInChild(path: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...process.execArgv, join(ROOT, "bench", "write-large-workbook.ts"), path, String(PROJECTS)], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? done() : fail(new Error(`write-large-workbook.ts exited ${code}`))));
  });
}

export async function run(): Promise<BenchFigure[]> {
  const dir = join(tmpdir(), `actionplan-bench-core-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `large-${PROJECTS}.xlsx`);
  const genMs = await timeMs(() => writeInChild(path));
  const bytes = await readFile(path);
  const readerBundle = join(dir, "reader.mjs");
  await build({
    entryPoints: [join(ROOT, "xlsx/read-workbook.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: readerBundle,
    logLevel: "silent",
  });
  const readerScript = `const { readWorkbookFile } = await import(${JSON.stringify(readerBundle)}); await readWorkbookFile(process.argv[1]);`;

  const snapshot = await readWorkbookBuffer(bytes, "large.xlsx");
  const report = reportOfSnapshot(snapshot, "large.xlsx", OPTS);
  const ours = () => readWorkbookBuffer(bytes, "large.xlsx");
  const theirs = () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
  const core = () => reportOfSnapshot(snapshot, "large.xlsx", OPTS);
  const readerProcess = () => spawnMeasured(process.execPath, ["--input-type=module", "-e", readerScript, path]);
  const excelJsProcess = () => spawnMeasured(process.execPath, ["--input-type=module", "-e", EXCELJS_SCRIPT, path]);
  const npmValidate = () => spawnMeasured("npm", ["run", "--silent", "actionplan", "--", "validate", path, "--json", "--today", OPTS.today]);

  const s = { ours: [] as Sample[], theirs: [] as Sample[], core: [] as Sample[], ourProc: [] as Sample[], theirProc: [] as Sample[], npm: [] as Sample[] };
  // The core alone first, before ExcelJS has filled this process's heap: interleaved with its
  // loads, the core's figure also paid for collecting ExcelJS's garbage (317–462 ms CPU against
  // 229 ms in core-functions.bench.ts, which times the same call in a process of its own).
  core();
  for (let i = 0; i < RUNS; i++) s.core.push(await measure(core));
  // Warm-up: JIT, file cache, and the CLI's bundle built once.
  await ours();
  await theirs();
  await npmValidate();
  for (let i = 0; i < RUNS; i++) {
    s.ours.push(await measure(ours));
    s.theirs.push(await measure(theirs));
    s.ourProc.push(await readerProcess());
    s.theirProc.push(await excelJsProcess());
    s.npm.push(await npmValidate());
  }

  const figures: BenchFigure[] = [
    {
      figure: `workbook: ${PROJECTS.toLocaleString("en-US")} projects, ${(4 * PROJECTS).toLocaleString("en-US")} budget rows (generate + write)`,
      value: round(genMs),
      unit: "ms",
    },
    { figure: "workbook: file size", value: round(bytes.length / 1024), unit: "KB" },
  ];
  for (const k of ["wall", "cpu"] as const) {
    const label = k === "wall" ? "wall" : "CPU";
    const coreMs = med(s.core, k);
    const ratio = med(s.npm, k) / med(s.theirProc, k);
    figures.push(
      { figure: `[${label}] xlsx/ reader load alone, in-process (median of ${RUNS})`, value: round(med(s.ours, k)), unit: "ms" },
      { figure: `[${label}] ExcelJS load alone, in-process (context)`, value: round(med(s.theirs, k)), unit: "ms" },
      { figure: `[${label}] core alone: snapshot → issues + PRL + roll-ups`, value: round(coreMs), unit: "ms", target: "≤ 300 ms", pass: coreMs <= 300 },
      { figure: `[${label}] xlsx/ reader load alone, fresh node process`, value: round(med(s.ourProc, k)), unit: "ms" },
      { figure: `[${label}] ExcelJS load alone, fresh node process`, value: round(med(s.theirProc, k)), unit: "ms" },
      { figure: `[${label}] npm run actionplan -- validate --json, whole process`, value: round(med(s.npm, k)), unit: "ms" },
      {
        figure: `[${label}] npm run actionplan -- validate --json ÷ ExcelJS load in a fresh process`,
        value: round(ratio),
        unit: "×",
        target: "≤ 0.5",
        pass: ratio <= 0.5,
      },
    );
  }
  figures.push(
    { figure: "peak memory (max RSS): xlsx/ reader load, fresh process", value: round(med(s.ourProc, "rssMb")), unit: "MB" },
    { figure: "peak memory (max RSS): ExcelJS load, fresh process", value: round(med(s.theirProc, "rssMb")), unit: "MB" },
    { figure: "peak memory (max RSS): npm run actionplan -- validate, largest process", value: round(med(s.npm, "rssMb")), unit: "MB" },
    { figure: "projects in the report (sanity)", value: report.projects.length, unit: "", target: `= ${PROJECTS}`, pass: report.projects.length === PROJECTS },
    ...(await lambdaBundleFigures([NIGHTLY_LAMBDA])),
  );
  return figures;
}
