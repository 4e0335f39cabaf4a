/**
 * SPEC §11 speed of the core's own functions, in-process on the benchmark workbook
 * (`samples/large-workbook.ts`: 10 000 projects, 40 000 budget rows):
 * - `analyzeWorkbook`, `buildReport`, and both together on the snapshot (≤ 300 ms together),
 * - 10 000 `CLUSTER.PRL` lookups through a built `prlIndex` (≤ 50 ms),
 * - 10 000 `CLUSTER.BUDGET` calls through `budgetMeasure` over scopes and filters (custom-function
 *   cells like `CLUSTER.PRL`, so held to the same ≤ 50 ms per 10 000 cells),
 * - building the indexes the functions read: `prlIndex` in both modes + `computeRollups` (context).
 * These were timed tests once; speed is a benchmark, not a test (noisy, parallel machines).
 * Each figure is the median of RUNS runs after warm-up runs (the JIT warm, as in the add-in's shared
 * runtime after its first refresh). `BENCH_PROJECTS` and `BENCH_RUNS` change the size and the runs.
 */
import { analyzeWorkbook } from "#core/analyze.ts";
import { prlIndex } from "#core/prl/index.ts";
import type { BudgetFilter, Rollups } from "#core/report/index.ts";
import { budgetMeasure, buildReport, computeRollups } from "#core/report/index.ts";
import type { Plan } from "#core/model.ts";
import { largeWorkbook } from "#samples/large-workbook.ts";
import { snapshotOf } from "#samples/seed-workbook.ts";
import type { BenchFigure } from "./figure.ts";
import { median, round, timeMs } from "./figure.ts";

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WARMUP = 3;
const CALLS = 10_000;
const REPORT_OPTS = { today: "2026-01-01", locale: "it" } as const;

/** Wall and CPU milliseconds of one run. */
interface Sample {
  wall: number;
  cpu: number;
}

/**
 * Medians of RUNS wall-clock and CPU timings of `fn` after WARMUP untimed calls. CPU time (user +
 * system of this process) still measures the code when neighbours load the machine.
 */
async function medians(fn: () => unknown): Promise<Sample> {
  for (let i = 0; i < WARMUP; i++) fn();
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = process.cpuUsage();
    const wall = await timeMs(fn);
    const used = process.cpuUsage(before);
    samples.push({ wall, cpu: (used.user + used.system) / 1000 });
  }
  return { wall: median(samples.map((x) => x.wall)), cpu: median(samples.map((x) => x.cpu)) };
}

/** References as sheets write them: every third a project code, then a line, then a priority. */
function prlReferences(plan: Plan): string[] {
  const refs: string[] = [];
  for (let i = 0; i < CALLS; i++) {
    const project = plan.projects[i % plan.projects.length];
    const line = plan.lines[i % plan.lines.length];
    const priority = plan.priorities[i % plan.priorities.length];
    const ref = i % 3 === 0 ? project?.code : i % 3 === 1 ? line?.code : priority?.code;
    refs.push(ref ?? "*");
  }
  return refs;
}

function budgetCalls(plan: Plan, rollups: Rollups): () => number {
  const scopes = ["*", ...plan.priorities.slice(0, 3).map((p) => p.code), ...plan.lines.slice(0, 3).map((l) => l.code)];
  for (const p of plan.projects.slice(0, 3)) scopes.push(p.code ?? p.key);
  const filters: (BudgetFilter | undefined)[] = [undefined, { outcome: "funded" }, { year: 2023 }, { programme: "Horizon Europe" }];
  return () => {
    let answered = 0;
    for (let i = 0; i < CALLS; i++) {
      const v = budgetMeasure(rollups, scopes[i % scopes.length] ?? "*", "total", filters[i % filters.length]);
      if (v !== undefined) answered++;
    }
    return answered;
  };
}

/** The benchmark module entry point (bench/README.md). */
export async function run(): Promise<BenchFigure[]> {
  const snapshot = snapshotOf(largeWorkbook({ projects: PROJECTS }));
  const analyze = () => analyzeWorkbook(snapshot);
  const analysis = analyze();
  const { plan } = analysis;
  const report = () => buildReport({ file: "large.xlsx", ...analysis }, REPORT_OPTS);
  const both = () => {
    const a = analyzeWorkbook(snapshot);
    return buildReport({ file: "large.xlsx", ...a }, REPORT_OPTS);
  };

  const analyzeMs = await medians(analyze);
  const reportMs = await medians(report);
  const bothMs = await medians(both);
  const projectsReported = both().projects.length;

  const index = prlIndex(plan, "milestone");
  const refs = prlReferences(plan);
  let known = 0;
  const lookups = () => {
    known = 0;
    for (const ref of refs) if (index.lookup(ref) !== undefined) known++;
  };
  const lookupMs = (await medians(lookups)).wall;

  const rollups = computeRollups(plan, analysis.budgets);
  const calls = budgetCalls(plan, rollups);
  const measureMs = (await medians(calls)).wall;
  const answered = calls();

  const indexesMs = await medians(() => {
    prlIndex(plan, "milestone");
    prlIndex(plan, "strict");
    computeRollups(plan, analysis.budgets);
  });

  const size = `${PROJECTS.toLocaleString("en-US")} projects, ${plan.budget.length.toLocaleString("en-US")} budget rows`;
  const n = `median of ${RUNS}`;
  const timed = (what: string, x: Sample, target?: number): BenchFigure[] =>
    (["wall", "cpu"] as const).map((k) => ({
      figure: `[${k === "wall" ? "wall" : "CPU"}] ${what} (${n})`,
      value: round(x[k]),
      unit: "ms",
      ...(target === undefined ? {} : { target: `≤ ${target} ms`, pass: x[k] <= target }),
    }));
  return [
    ...timed(`analyzeWorkbook (${size})`, analyzeMs),
    ...timed("buildReport on that analysis", reportMs),
    ...timed("analyzeWorkbook + buildReport", bothMs, 300),
    { figure: "projects in the report (sanity)", value: projectsReported, unit: "", target: `= ${PROJECTS}`, pass: projectsReported === PROJECTS },
    ...timed("prlIndex ×2 modes + computeRollups", indexesMs),
    { figure: `[wall] 10,000 CLUSTER.PRL lookups via prlIndex (${n})`, value: round(lookupMs), unit: "ms", target: "≤ 50 ms", pass: lookupMs <= 50 },
    { figure: "PRL references resolved (sanity)", value: known, unit: "", target: `= ${CALLS}`, pass: known === CALLS },
    { figure: `[wall] 10,000 CLUSTER.BUDGET calls via budgetMeasure, 4 filters (${n})`, value: round(measureMs), unit: "ms", target: "≤ 50 ms", pass: measureMs <= 50 },
    { figure: "CLUSTER.BUDGET calls answered (sanity)", value: answered, unit: "", target: `= ${CALLS}`, pass: answered === CALLS },
  ];
}
