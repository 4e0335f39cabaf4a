/**
 * Runs every `bench/*.bench.ts` (or those whose name contains an argument:
 * `npm run bench -- core`), prints one table (figure | value | target | pass/fail) with the
 * machine, writes the raw figures to `bench/results/<timestamp>.json` (git-ignored) and rewrites
 * the summary table in `bench/README.md`. With `--check`, exits 1 when a target is missed.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { cpus, loadavg, platform, release, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BenchFigure } from "./figure.ts";

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const START = "<!-- bench:summary:start -->";
const END = "<!-- bench:summary:end -->";

interface ModuleResult {
  module: string;
  figures: BenchFigure[];
  error?: string;
  ms: number;
}

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? "unknown",
    cores: cpu.length,
    node: process.version,
    os: `${platform()} ${release()}`,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    // Wall-clock figures mean little on a busy machine: record how busy it was.
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

function formatValue(f: BenchFigure): string {
  return `${f.value.toLocaleString("en-US", { maximumFractionDigits: 2 })} ${f.unit}`.trim();
}

function verdict(f: BenchFigure): string {
  if (f.pass === undefined) return "";
  return f.pass ? "pass" : "FAIL";
}

/** Rows of the summary: module, figure, value, target, verdict. */
function rows(results: readonly ModuleResult[]): string[][] {
  const out: string[][] = [];
  for (const r of results) {
    if (r.error !== undefined) out.push([r.module, `module failed: ${r.error}`, "", "", "FAIL"]);
    for (const f of r.figures) out.push([r.module, f.figure, formatValue(f), f.target ?? "", verdict(f)]);
  }
  return out;
}

const HEAD = ["module", "figure", "value", "target (SPEC §11)", "pass/fail"];

function textTable(body: string[][]): string {
  const widths = HEAD.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(" | ")
      .trimEnd();
  return [line(HEAD), widths.map((w) => "-".repeat(w)).join("-+-"), ...body.map(line)].join("\n");
}

function markdownTable(body: string[][]): string {
  const esc = (s: string) => s.replaceAll("|", "\\|");
  return [
    `| ${HEAD.join(" | ")} |`,
    `|${HEAD.map(() => "---").join("|")}|`,
    ...body.map((r) => `| ${r.map(esc).join(" | ")} |`),
  ].join("\n");
}

/** Table rows of the README's current summary (so a filtered run keeps the other modules' rows). */
function previousRows(block: string): string[][] {
  return block
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith(`| ${HEAD[0]} |`))
    .map((l) =>
      l
        .slice(2, -2)
        .split(/(?<!\\) \| /)
        .map((c) => c.replaceAll("\\|", "|")),
    );
}

/**
 * Rewrites the summary between the markers in bench/README.md: rows of the modules just run are
 * replaced, rows of other modules that still exist are kept, so `npm run bench -- core` does not
 * erase the others' figures.
 */
async function rewriteReadme(
  body: string[][],
  ran: ReadonlySet<string>,
  existing: ReadonlySet<string>,
  machineLine: string,
): Promise<void> {
  const path = join(BENCH_DIR, "README.md");
  const text = await readFile(path, "utf8").catch(() => "");
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  const kept =
    a >= 0 && b > a
      ? previousRows(text.slice(a, b)).filter((r) => !ran.has(r[0] ?? "") && existing.has(r[0] ?? ""))
      : [];
  const merged = [...kept, ...body].sort((x, y) => (x[0] ?? "").localeCompare(y[0] ?? ""));
  const block = `${START}\n${markdownTable(merged)}\n\n${machineLine}\n${END}`;
  const next =
    a >= 0 && b > a
      ? `${text.slice(0, a)}${block}${text.slice(b + END.length)}`
      : `${text.trimEnd()}\n\n## Latest results\n\n${block}\n`;
  await writeFile(path, next);
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0] ?? 0;
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const filters = args.filter((a) => !a.startsWith("--"));
  const files = (await readdir(BENCH_DIR))
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();

  const results: ModuleResult[] = [];
  for (const file of files) {
    const module = file.replace(/\.bench\.ts$/, "");
    process.stderr.write(`bench: ${module} …\n`);
    const start = Date.now();
    try {
      const mod = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as {
        run?: () => Promise<BenchFigure[]>;
      };
      if (typeof mod.run !== "function") throw new Error("does not export run()");
      results.push({ module, figures: await mod.run(), ms: Date.now() - start });
    } catch (e) {
      // One broken module must not hide the others' figures.
      results.push({
        module,
        figures: [],
        error: (e instanceof Error ? e.message : String(e)).split("\n")[0],
        ms: Date.now() - start,
      });
    }
  }

  const m = machine();
  const when = new Date();
  const body = rows(results);
  const machineLine =
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, ${m.os} — ${when.toISOString()}` +
    ` — load average (1 min) ${loadBefore.toFixed(2)} before, ${m.loadAverage1m.toFixed(2)} after`;
  process.stdout.write(`${textTable(body)}\n\n${machineLine}\n`);

  await mkdir(join(BENCH_DIR, "results"), { recursive: true });
  const stamp = when.toISOString().replace(/[:.]/g, "-");
  await writeFile(
    join(BENCH_DIR, "results", `${stamp}.json`),
    `${JSON.stringify({ date: when.toISOString(), machine: m, results }, null, 2)}\n`,
  );
  const existing = new Set(
    (await readdir(BENCH_DIR))
      .filter((f) => f.endsWith(".bench.ts"))
      .map((f) => f.replace(/\.bench\.ts$/, "")),
  );
  await rewriteReadme(body, new Set(results.map((r) => r.module)), existing, machineLine);

  const failed =
    results.some((r) => r.error !== undefined) ||
    (check && results.some((r) => r.figures.some((f) => f.pass === false)));
  process.exitCode = failed ? 1 : 0;
}

await main();
