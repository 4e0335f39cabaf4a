#!/usr/bin/env -S node --max-semi-space-size=2
// The `actionplan` binary. Works from a fresh clone after `npm install`, nothing global needed.
//
// --max-semi-space-size=2 (also in package.json's `actionplan` script): a command reads a whole
// workbook into objects that all live until it ends, so V8's young generation, which grows to 16 MB
// by default, only makes each scavenge copy more and touch more fresh memory. Kept at 2 MB it
// stays in cache: `validate` on the 10 000-project workbook takes about 7% less wall time and
// 10–15% less CPU (bench/README.md).
//
// Start-up time matters (SPEC §11 compares the whole CLI process with ExcelJS loading the file),
// so the TypeScript sources are bundled once with esbuild into .cache/cli/ (dependencies included:
// one file loads much faster than hundreds) and reused while no input file changed. `npm run
// actionplan` runs this file too, so the README's command starts as fast as `npx actionplan`. If esbuild is
// unavailable or fails, or ACTIONPLAN_NO_BUNDLE=1, the sources run through tsx's loader instead.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";

// A command is over in about a second, most of it in code that V8 optimises while it runs, on the
// same two cores. TurboFan's inlining makes each of those optimisations several times costlier to
// compile, and the command ends before the faster code pays that back: without it `validate` on the
// 10 000-project workbook takes ~13% less CPU and ~5% less time (bench/README.md). Set here, before
// anything is optimised, rather than on the #! line: a Node whose V8 no longer knows the flag would
// refuse to start, where this only prints a warning (and the flag exists in V8 11–13, Node 20–24).
if (/^1[1-3]\./.test(process.versions.v8)) setFlagsFromString("--no-turbo-inlining");

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = join(ROOT, ".cache", "cli");
const MANIFEST = join(CACHE, "manifest.json");
const LOCK = join(ROOT, "package-lock.json");

/** mtime and size of a file, or null when it is gone. */
function stamp(path) {
  try {
    const s = statSync(path);
    return [s.mtimeMs, s.size];
  } catch {
    return null;
  }
}

/** The cached bundle's entry if every source it was built from is unchanged, else undefined. */
function freshBundle() {
  try {
    const m = JSON.parse(readFileSync(MANIFEST, "utf8"));
    const entry = join(CACHE, m.dir, "main.mjs");
    if (!existsSync(entry)) return undefined;
    for (const [path, before] of Object.entries(m.inputs)) {
      const now = stamp(join(ROOT, path));
      if (now === null || now[0] !== before[0] || now[1] !== before[1]) return undefined;
    }
    return entry;
  } catch {
    return undefined;
  }
}

/** Bundles cli/main.ts; returns the entry path. Concurrent builders each write their own folder. */
async function buildBundle() {
  const { build } = await import("esbuild");
  const dir = `b-${Date.now().toString(36)}-${process.pid}`;
  const outdir = join(CACHE, dir);
  const result = await build({
    entryPoints: { main: join(ROOT, "cli", "main.ts") },
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outdir,
    outExtension: { ".js": ".mjs" },
    metafile: true,
    logLevel: "silent",
    // Bundled CommonJS dependencies may still call require() for Node built-ins.
    banner: {
      js: 'import { createRequire as __apCreateRequire } from "node:module"; const require = __apCreateRequire(import.meta.url);',
    },
  });
  // Our sources decide freshness; dependencies are covered by the lock file.
  const inputs = {};
  for (const p of Object.keys(result.metafile.inputs)) {
    if (p.includes("node_modules/")) continue;
    inputs[p] = stamp(join(ROOT, p));
  }
  inputs["package-lock.json"] = stamp(LOCK);
  const tmp = `${MANIFEST}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ dir, inputs }));
  renameSync(tmp, MANIFEST);
  removeOldBundles(dir);
  return join(outdir, "main.mjs");
}

/**
 * Deletes superseded bundles, but only old ones: another actionplan process may still be running
 * from one and load its lazy chunks later.
 */
function removeOldBundles(current) {
  const cutoff = Date.now() - 10 * 60_000;
  for (const name of readdirSync(CACHE)) {
    if (!name.startsWith("b-") || name === current) continue;
    const s = stamp(join(CACHE, name));
    if (s !== null && s[0] < cutoff) rmSync(join(CACHE, name), { recursive: true, force: true });
  }
}

async function loadMain() {
  if (process.env.ACTIONPLAN_NO_BUNDLE !== "1") {
    try {
      mkdirSync(CACHE, { recursive: true });
      const entry = freshBundle() ?? (await buildBundle());
      return await import(pathToFileURL(entry).href);
    } catch {
      // Fall through to tsx: slower to start, same behaviour.
    }
  }
  const { register } = await import("tsx/esm/api");
  register();
  return import("./main.ts");
}

try {
  const { runProcess } = await loadMain();
  await runProcess();
} catch (e) {
  // Only a broken installation gets here (main.ts maps every other failure itself): still one line.
  if (process.env.ACTIONPLAN_DEBUG === "1") console.error(e);
  const message = (e instanceof Error ? e.message : String(e)).split("\n")[0];
  process.stderr.write(`actionplan: internal error / errore interno: ${message}\n`);
  process.exitCode = 2;
}
