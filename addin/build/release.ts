/**
 * `npm run release`: builds the add-in for one deployment into `release/` (or `--out`):
 * the normal build (task pane, functions, metadata, icons) without the preview page and with
 * the dev-token code path compiled out, the pages' sign-in and API settings filled in, the
 * production manifest (every URL on the origin), the support page and `release.json` (what the
 * hosting stack reads for the Content-Security-Policy). Bad settings: exit 2 with one line.
 */
import { copyFile, mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { DEV_TOKENS_FLAG, ROOT, buildAddin, type BundleSize } from "./build.ts";
import { productionManifest } from "./production-manifest.ts";
import { fillMetaTags } from "./release-page.ts";
import {
  ReleaseConfigError,
  parseArgs,
  problemLine,
  releaseConfig,
  type ReleaseConfig,
} from "./release-config.ts";

const here = dirname(fileURLToPath(import.meta.url));
/** The bilingual support page every release ships (the manifest's default SupportUrl). */
export const SUPPORT_PAGE = join(here, "support.html");
/** The file in a release folder that says what it was built for. */
export const RELEASE_INFO = "release.json";
/** Pages that read the `actionplan:` meta tags. */
const PAGES = ["taskpane.html", "auth-dialog.html"];

/** `release.json`: what the release was built for (read by the hosting stack and by people). */
export interface ReleaseInfo {
  readonly origin: string;
  readonly api: string;
  readonly tenant: string;
  readonly clientId: string;
  readonly scope: string;
  readonly supportUrl: string;
  readonly version: string;
}

/** A finished release. */
export interface ReleaseResult {
  readonly outdir: string;
  readonly info: ReleaseInfo;
  readonly files: readonly string[];
  readonly sizes: readonly BundleSize[];
}

/** The release folder failed a check that must hold for every release (a bug, not bad input). */
export class ReleaseCheckError extends Error {
  override readonly name = "ReleaseCheckError";
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out;
}

/** Refuses to replace a folder that is not an earlier release (or holds the repository). */
async function assertReplaceable(outdir: string): Promise<void> {
  const rel = relative(outdir, ROOT);
  if (rel === "" || !rel.startsWith("..")) throw new ReleaseCheckError(`--out ${outdir} contains the repository`);
  const found = await stat(outdir).catch(() => undefined);
  if (found === undefined) return;
  const entries = await readdir(outdir);
  if (entries.length > 0 && !entries.includes(RELEASE_INFO))
    throw new ReleaseCheckError(`--out ${outdir} is not empty and holds no ${RELEASE_INFO}: not replaced`);
}

/**
 * The checks every release must pass: no localhost anywhere, no preview page, no code that asks
 * the local stack for dev tokens.
 */
export async function checkRelease(outdir: string): Promise<void> {
  const problems: string[] = [];
  for (const file of await listFiles(outdir)) {
    const name = relative(outdir, file).split(sep).join("/");
    if (/(^|\/)preview[.-]/.test(name)) problems.push(`${name}: a preview file`);
    if (!/\.(html|js|json|xml|css|txt)$/.test(name)) continue;
    const text = await readFile(file, "utf8");
    if (/localhost|127\.0\.0\.1/i.test(text)) problems.push(`${name}: names localhost`);
    if (name.endsWith(".js") && text.includes("/dev/token")) problems.push(`${name}: asks for dev tokens`);
  }
  if (problems.length > 0) throw new ReleaseCheckError(`release check failed: ${problems.join("; ")}`);
}

/** Builds the release for `config` and returns what it wrote. */
export async function buildRelease(config: ReleaseConfig): Promise<ReleaseResult> {
  const outdir = resolve(ROOT, config.out);
  await assertReplaceable(outdir);
  const staging = `${outdir}.staging-${String(process.pid)}`;
  await rm(staging, { recursive: true, force: true });
  try {
    const built = await buildAddin({
      outdir: staging,
      preview: false,
      define: { [DEV_TOKENS_FLAG]: "false" },
      // Each function's helpUrl on the release's origin (checkRelease refuses a localhost one).
      origin: config.origin,
    });
    // The task pane area copies its preview page beside every build; a release ships none.
    await rm(join(staging, "preview.html"), { force: true });

    const settings = {
      "api-url": config.api,
      "client-id": config.clientId,
      authority: `https://login.microsoftonline.com/${config.tenant}`,
      scopes: config.scope,
    };
    for (const page of PAGES) {
      const path = join(staging, page);
      const html = await readFile(path, "utf8").catch(() => undefined);
      if (html !== undefined) await writeFile(path, fillMetaTags(html, settings));
    }
    const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string };
    const manifest = productionManifest(await readFile(join(ROOT, "manifest.xml"), "utf8"), {
      origin: config.origin,
      supportUrl: config.supportUrl,
      version: pkg.version,
    });
    await writeFile(join(staging, "manifest.xml"), manifest);
    await copyFile(SUPPORT_PAGE, join(staging, "support.html"));
    const info: ReleaseInfo = {
      origin: config.origin,
      api: config.api,
      tenant: config.tenant,
      clientId: config.clientId,
      scope: config.scope,
      supportUrl: config.supportUrl,
      version: pkg.version,
    };
    await writeFile(join(staging, RELEASE_INFO), `${JSON.stringify(info, null, 2)}\n`);
    await checkRelease(staging);

    await rm(outdir, { recursive: true, force: true });
    await mkdir(dirname(outdir), { recursive: true });
    await rename(staging, outdir);
    const files = (await listFiles(outdir)).map((f) => relative(outdir, f).split(sep).join("/")).sort();
    return { outdir, info, files, sizes: built.sizes };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The language of the printed line: `LC_ALL`/`LANG` starting with "en" → English, else Italian (as the CLI). */
function language(env: NodeJS.ProcessEnv): "it" | "en" {
  return /^en/i.test(env["LC_ALL"] || env["LANG"] || "") ? "en" : "it";
}

/** Parses the command line (and `--config` file) into a config; throws `ReleaseConfigError`. */
export async function configFromArgs(argv: readonly string[]): Promise<ReleaseConfig> {
  const { values, problems } = parseArgs(argv);
  let file: Record<string, unknown> = {};
  const configPath = values.get("config");
  if (configPath !== undefined) {
    try {
      const parsed: unknown = JSON.parse(await readFile(resolve(configPath), "utf8"));
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      file = parsed as Record<string, unknown>;
    } catch {
      throw new ReleaseConfigError([...problems, { kind: "malformed", key: "config", rule: "json-file" }]);
    }
  }
  return releaseConfig(values, file, problems);
}

/** The command: exit 0 built, 2 bad settings, 1 the build failed. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const lang = language(env);
  let config: ReleaseConfig;
  try {
    config = await configFromArgs(argv);
  } catch (error) {
    if (error instanceof ReleaseConfigError) {
      console.error(problemLine(error.problems, lang));
      return 2;
    }
    throw error;
  }
  try {
    const result = await buildRelease(config);
    console.log(
      lang === "it"
        ? `Release ${result.info.version} per ${result.info.origin} scritta in ${result.outdir} (${String(result.files.length)} file)`
        : `Release ${result.info.version} for ${result.info.origin} written to ${result.outdir} (${String(result.files.length)} files)`,
    );
    return 0;
  } catch (error) {
    console.error(`release: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`release: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
