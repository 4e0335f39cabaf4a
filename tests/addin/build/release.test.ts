/**
 * `npm run release` for a made-up deployment: the production manifest keeps every offline rule
 * manifest.xml is tested for (same tree, only URLs, version and support page changed) with every
 * URL on the origin and no localhost; the pages carry the sign-in and API settings; no preview
 * file and no dev-token code ship; bad settings exit 2 with one line naming them.
 */
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { OfficeAddinManifest } from "office-addin-manifest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildRelease, configFromArgs, main, type ReleaseResult } from "#addin/build/release.ts";
import { ReleaseConfigError, releaseConfig } from "#addin/build/release-config.ts";
import { ManifestRewriteError, manifestVersion, productionManifest } from "#addin/build/production-manifest.ts";
import { findAll, parseXml, type XmlElement } from "#tests/addin/manifest/xml-tree.ts";

const ROOT = join(import.meta.dirname, "../../..");
const ORIGIN = "https://addin.example.org";
const ARGS = [
  "--origin", ORIGIN,
  "--api", "https://api.example.org/prod",
  "--tenant", "00000000-0000-0000-0000-000000000001",
  "--client-id", "00000000-0000-0000-0000-000000000002",
];
let work: string;
let result: ReleaseResult;
let manifest: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "actionplan-release-"));
  result = await buildRelease(await configFromArgs([...ARGS, "--out", join(work, "release")]));
  manifest = await readFile(join(result.outdir, "manifest.xml"), "utf8");
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The element tree as comparable data (attributes and trimmed text, children in order). */
function shape(e: XmlElement): unknown {
  return { name: e.name, attrs: e.attrs, text: e.text.trim(), children: e.children.map(shape) };
}

/** Every URL-valued attribute or text in the tree. */
function urlsOf(e: XmlElement): string[] {
  const own = Object.values(e.attrs).filter((v) => /^[a-z]+:\/\//i.test(v));
  const text = /^[a-z]+:\/\//i.test(e.text.trim()) ? [e.text.trim()] : [];
  return [...own, ...text, ...e.children.flatMap(urlsOf)];
}

describe("the production manifest", () => {
  it("is manifest.xml with every development URL on the origin, the package version and the support page", async () => {
    // Prepare
    const dev = await readFile(join(ROOT, "manifest.xml"), "utf8");
    const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string };
    const expected = parseXml(dev.replace(/https:\/\/localhost:3000/g, ORIGIN));
    // Act
    const prod = parseXml(manifest);
    // Assess: same tree (so every offline rule of tests/addin/manifest still holds) but for two values
    const version = findAll(prod, "Version")[0];
    const support = findAll(prod, "SupportUrl")[0];
    expect(version?.text).toBe(manifestVersion(pkg.version));
    expect(support?.attrs.DefaultValue).toBe(`${ORIGIN}/support.html`);
    const expectedVersion = findAll(expected, "Version")[0];
    const expectedSupport = findAll(expected, "SupportUrl")[0];
    if (expectedVersion && version) expectedVersion.text = version.text;
    if (expectedSupport && support) expectedSupport.attrs = support.attrs;
    expect(shape(prod)).toEqual(shape(expected));
  });

  it("puts every URL on the origin (sign-in excepted) and names localhost nowhere", () => {
    const urls = urlsOf(parseXml(manifest)).filter((u) => !/^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(u));
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.filter((u) => !u.startsWith(`${ORIGIN}/`) && u !== "https://login.microsoftonline.com")).toEqual([]);
    expect(manifest).not.toMatch(/localhost|127\.0\.0\.1/i);
  });

  it("is read by office-addin-manifest, and every file it names is in the release", async () => {
    const info = await OfficeAddinManifest.readManifestFile(join(result.outdir, "manifest.xml"));
    expect(info.hosts).toEqual(["Workbook"]);
    const named = urlsOf(parseXml(manifest))
      .filter((u) => u.startsWith(`${ORIGIN}/`))
      .map((u) => new URL(u).pathname.slice(1));
    expect(named.filter((f) => !result.files.includes(f))).toEqual([]);
  });

  it("serves a support page in Italian and in English", async () => {
    const page = await readFile(join(result.outdir, "support.html"), "utf8");
    expect(page).toMatch(/<section lang="it"[\s\S]*Assistenza/);
    expect(page).toMatch(/<section lang="en"[\s\S]*Support/);
  });

  it.each([
    ["1.2.3", "1.2.3.0"],
    ["0.1.0", "0.1.0.0"],
    ["2.0.0.7", "2.0.0.7"],
  ])("writes version %s as %s", (version, expected) => {
    expect(manifestVersion(version)).toBe(expected);
  });

  it.each(["1.2", "1.2.3-rc.1", "70000.0.0"])("refuses version %s", (version) => {
    expect(() => manifestVersion(version)).toThrow(ManifestRewriteError);
  });

  it("refuses a manifest whose development URL it does not recognise (localhost would ship)", () => {
    const odd = '<OfficeApp><Version>1.0.0.0</Version><SupportUrl DefaultValue="x" /><IconUrl DefaultValue="http://localhost:8080/i.png" /></OfficeApp>';
    expect(() => productionManifest(odd, { origin: ORIGIN, supportUrl: `${ORIGIN}/s.html`, version: "1.0.0" })).toThrow(/localhost/);
  });
});

describe("the release folder", () => {
  it("fills the task pane's sign-in and API settings", async () => {
    const html = await readFile(join(result.outdir, "taskpane.html"), "utf8");
    const meta = (name: string): string | undefined => new RegExp(`<meta name="actionplan:${name}" content="([^"]*)"`).exec(html)?.[1];
    expect(meta("api-url")).toBe("https://api.example.org/prod");
    expect(meta("client-id")).toBe("00000000-0000-0000-0000-000000000002");
    expect(meta("authority")).toBe("https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001");
    expect(meta("scopes")).toBe("api://00000000-0000-0000-0000-000000000002/access_as_user");
    const dialog = await readFile(join(result.outdir, "auth-dialog.html"), "utf8");
    expect(dialog).toContain('<meta name="actionplan:client-id" content="00000000-0000-0000-0000-000000000002" />');
  });

  it("ships no preview page and no code that asks for dev tokens", async () => {
    expect(result.files.filter((f) => /preview/.test(f))).toEqual([]);
    for (const file of result.files.filter((f) => f.endsWith(".js"))) {
      const js = await readFile(join(result.outdir, file), "utf8");
      expect(js, file).not.toContain("/dev/token");
      expect(js, file).not.toMatch(/localhost/i);
    }
    expect(result.files).toEqual(expect.arrayContaining(["taskpane.html", "taskpane.js", "functions.js", "functions.json", "manifest.xml", "auth-dialog.html", "release.json"]));
  });

  it.each([
    ["functions.json", "en"],
    ["functions.it.json", "it"],
  ])("points every helpUrl of %s at the help page on the origin (%s section)", async (file, lang) => {
    // Act
    const { functions } = JSON.parse(await readFile(join(result.outdir, file), "utf8")) as { functions: { id: string; helpUrl: string }[] };
    const page = await readFile(join(result.outdir, "functions-help.html"), "utf8");
    // Assess
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) {
      expect(fn.helpUrl).toBe(`${ORIGIN}/functions-help.html#${lang}-${fn.id}`);
      expect(page).toContain(`<section id="${lang}-${fn.id}" lang="${lang}">`);
    }
  });

  it("records what it was built for in release.json", async () => {
    const info = JSON.parse(await readFile(join(result.outdir, "release.json"), "utf8")) as Record<string, string>;
    expect(info).toMatchObject({ origin: ORIGIN, api: "https://api.example.org/prod", supportUrl: `${ORIGIN}/support.html` });
  });

  it("does not replace a folder that is not an earlier release", async () => {
    // Prepare
    const precious = join(work, "notes");
    await mkdir(precious);
    await writeFile(join(precious, "plan.xlsx"), "mine");
    // Act
    const building = buildRelease(await configFromArgs([...ARGS, "--out", precious]));
    // Assess
    await expect(building).rejects.toThrow(/not empty/);
    expect(await readdir(precious)).toEqual(["plan.xlsx"]);
  });
});

describe("release settings", () => {
  it.each([
    [[], ["missing --origin", "missing --api", "missing --tenant", "missing --client-id"]],
    [["--origin", "http://addin.example.org"], ["malformed --origin"]],
    [["--origin", "https://addin.example.org/pane"], ["malformed --origin"]],
    [["--origin", "https://localhost:3000"], ["malformed --origin"]],
    [["--api", "https://127.0.0.1:8080"], ["malformed --api"]],
    [["--tenant", "contoso"], ["malformed --tenant"]],
    [["--client-id", "not-a-guid"], ["malformed --client-id"]],
    [["--scope", "a b"], ["malformed --scope"]],
    [["--support-url", "ftp://x.org"], ["malformed --support-url"]],
    [["--colour", "blue"], ["unknown option --colour"]],
  ])("names every bad key of %j in one line", async (args, named) => {
    // Prepare
    const base = new Map(Object.entries({ origin: ORIGIN, api: "https://api.example.org", tenant: "00000000-0000-0000-0000-000000000001", "client-id": "00000000-0000-0000-0000-000000000002" }));
    const argv = args.length === 0 ? [] : [...[...base].flatMap(([k, v]) => (args.includes(`--${k}`) ? [] : [`--${k}`, v])), ...args];
    const errors: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    // Act
    const code = await main(argv, { LANG: "en_GB.UTF-8" });
    spy.mockRestore();
    // Assess
    expect(code).toBe(2);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.split("\n")).toHaveLength(1);
    for (const n of named) expect(errors[0]).toContain(n);
  });

  it("reads the same keys from --config, the command line winning", async () => {
    // Prepare
    const file = join(work, "release.config.json");
    await writeFile(file, JSON.stringify({ origin: ORIGIN, api: "https://api.example.org", tenant: "00000000-0000-0000-0000-000000000001", clientId: "00000000-0000-0000-0000-000000000002", scope: "api://actionplan-excel/access_as_user" }));
    // Act
    const config = await configFromArgs(["--config", file, "--out", "elsewhere"]);
    // Assess
    expect(config).toMatchObject({ origin: ORIGIN, scope: "api://actionplan-excel/access_as_user", out: "elsewhere", supportUrl: `${ORIGIN}/support.html` });
  });

  it("says in Italian by default which keys are missing", async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    const code = await main(["--config", join(work, "absent.json")], {});
    spy.mockRestore();
    expect(code).toBe(2);
    expect(errors[0]).toMatch(/^release: non valido --config \(deve essere un file JSON/);
  });

  it("accepts only https non-local URLs and GUIDs, whatever it is given (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom("--origin", "--api", "--tenant", "--client-id", "--scope", "--out"), fc.string(), fc.webUrl(), fc.uuid()), { maxLength: 12 }), (argv) => {
        try {
          const { origin, api, tenant, clientId } = releaseConfigFrom(argv);
          expect(new URL(origin).protocol).toBe("https:");
          expect(new URL(api).protocol).toBe("https:");
          expect(`${origin}${api}`).not.toMatch(/localhost|127\.0\.0\./);
          expect(tenant).toMatch(/^[0-9a-f-]{36}$/);
          expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
        } catch (e) {
          expect(e).toBeInstanceOf(ReleaseConfigError);
        }
      }),
    );
  });

  it("exits 2 from the real command with one line and no stack trace", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "addin/build/release.ts"), "--origin", "nope"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, LANG: "en_US.UTF-8", LC_ALL: "" },
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^release: malformed --origin .*missing --api/);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

/** releaseConfig over a raw argv (the parser's own problems included). */
function releaseConfigFrom(argv: string[]) {
  const values = new Map<string, string>();
  for (let i = 0; i + 1 < argv.length; i += 2) if (argv[i]?.startsWith("--")) values.set(argv[i]!.slice(2), argv[i + 1] ?? "");
  return releaseConfig(values);
}
