/**
 * Lambda bundle figures (SPEC §11: each bundle ≤ 1 MB, module init ≤ 150 ms), shared by
 * sync.bench.ts (every Lambda) and core.bench.ts (the nightly job, which reads workbooks).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { round, type BenchFigure } from "./figure.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** A Lambda entry under functions/, named for the figures. */
export interface LambdaEntry {
  name: string;
  entry: string;
  external?: string[];
}

/** The nightly job as the CDK stack bundles it: the AWS SDK inside the bundle (`bundleAwsSDK`, infra/constructs/action-plan-function.ts), as every Lambda. */
export const NIGHTLY_LAMBDA: LambdaEntry = { name: "nightly (SDK bundled, as deployed)", entry: "nightly/handler.ts" };

/** Bundles each Lambda entry like the CDK stack (esbuild, ESM, minified) and times a cold import. */
export async function lambdaBundleFigures(entries: readonly LambdaEntry[]): Promise<BenchFigure[]> {
  const out: BenchFigure[] = [];
  const dir = join(ROOT, ".cache", "bench-bundles");
  mkdirSync(dir, { recursive: true });
  for (const route of entries) {
    const outfile = join(dir, `${route.name.split(" ")[0]}.mjs`);
    await build({
      entryPoints: [join(ROOT, "functions", route.entry)],
      ...(route.external ? { external: route.external } : {}),
      outfile,
      bundle: true,
      minify: true,
      // As infra/constructs/action-plan-function.ts: ESM builds of dependencies first.
      mainFields: ["module", "main"],
      platform: "node",
      target: "node22",
      format: "esm",
      logLevel: "silent",
      // ESM bundles of CommonJS dependencies need a require.
      banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
    });
    const kb = statSync(outfile).size / 1024;
    // Wall time of a cold import in a fresh process (best of 5), and its CPU time, which a busy
    // machine inflates far less than wall time.
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < 5; i++) {
      const probe = spawnSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `const c=process.cpuUsage();const t=performance.now();await import(${JSON.stringify(outfile)});const u=process.cpuUsage(c);console.log(performance.now()-t, (u.user+u.system)/1000)`,
        ],
        { encoding: "utf8" },
      );
      const [wall, cpu] = probe.stdout.trim().split(" ").map(Number);
      walls.push(wall ?? NaN);
      cpus.push(cpu ?? NaN);
    }
    const init = Math.min(...walls);
    const initCpu = Math.min(...cpus);
    out.push(
      {
        figure: `lambda ${route.name}: bundle (esbuild, minified)`,
        value: round(kb),
        unit: "KB",
        target: "≤ 1024 KB",
        pass: kb <= 1024,
      },
      {
        figure: `lambda ${route.name}: module init (wall, best of 5)`,
        value: round(init),
        unit: "ms",
        target: "≤ 150 ms",
        pass: init <= 150,
      },
      { figure: `lambda ${route.name}: module init CPU time (context)`, value: round(initCpu), unit: "ms" },
    );
  }
  return out;
}
