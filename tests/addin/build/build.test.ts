/**
 * The add-in build: functions.json pinned by a golden file, metadata errors fail the build,
 * functions.js is a classic script that registers every function and pulls in no UI library,
 * bundle budgets, and the task pane page wiring.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BUDGETS,
  DEV_ORIGIN,
  OFFICE_JS_CDN,
  buildAddin,
  wireTaskpaneHtml,
  type AddinBuild,
} from "#addin/build/build.ts";
import { FUNCTIONS_HELP_PAGE, functionsHelpPage, withHelpUrls } from "#addin/build/functions-help.ts";
import { FUNCTIONS_IT } from "#addin/functions/metadata-it.ts";
import { MetadataError, generateFunctionsMetadata } from "#addin/build/metadata.ts";
import { italianFunctionsMetadata } from "#addin/build/functions-italian.ts";

const GOLDEN = join(import.meta.dirname, "golden/functions.expected.json");
const GOLDEN_IT = join(import.meta.dirname, "golden/functions.it.expected.json");
const GOLDEN_HELP = join(import.meta.dirname, "golden/functions-help.expected.html");
let out: string;
let built: AddinBuild;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "addin-build-"));
  built = await buildAddin({ outdir: out });
}, 120_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe("functions.json", () => {
  it("is generated from the JSDoc tags exactly as pinned in the golden file", async () => {
    // Act
    const generated = await generateFunctionsMetadata();
    // Assess
    expect(JSON.parse(generated)).toEqual(JSON.parse(await readFile(GOLDEN, "utf8")));
    expect(await readFile(join(out, "functions.json"), "utf8")).toBe(
      withHelpUrls(generated, DEV_ORIGIN, "en"),
    );
  });

  it.each([
    [
      "an id with invalid characters",
      "/**\n * Bad.\n * @customfunction BAD-ID!\n * @param x A number.\n * @returns A number.\n */\nexport function bad(x: number): number { return x; }\n",
    ],
    [
      "a duplicate id",
      "/**\n * A.\n * @customfunction SAME\n * @returns A number.\n */\nexport function a(): number { return 1; }\n/**\n * B.\n * @customfunction SAME\n * @returns A number.\n */\nexport function b(): number { return 2; }\n",
    ],
    [
      "an unsupported parameter type",
      "/**\n * Bad.\n * @customfunction BAD\n * @param x A date.\n * @returns A number.\n */\nexport function bad(x: Date): number { return 1; }\n",
    ],
  ])("fails the build for %s", async (_, source) => {
    // Prepare
    const file = join(out, "bad-functions.ts");
    await writeFile(file, source);
    // Act
    const generating = generateFunctionsMetadata(file);
    // Assess
    await expect(generating).rejects.toBeInstanceOf(MetadataError);
  });
});

describe("functions.it.json", () => {
  it("is functions.json with every description in Italian, as pinned in its golden file", async () => {
    // Prepare
    const english = JSON.parse(await readFile(GOLDEN, "utf8")) as {
      functions: { id: string; name: string }[];
    };
    // Act
    const emitted = await readFile(join(out, "functions.it.json"), "utf8");
    const italian = JSON.parse(emitted) as { functions: { id: string; name: string; description: string }[] };
    // Assess
    expect(italian).toEqual(JSON.parse(await readFile(GOLDEN_IT, "utf8")));
    expect(italian.functions.map((f) => [f.id, f.name])).toEqual(
      english.functions.map((f) => [f.id, f.name]),
    );
    expect(emitted).not.toEqual(await readFile(join(out, "functions.json"), "utf8"));
  });

  it("fails the build when a function or a parameter has no Italian text", async () => {
    // Prepare
    const english = await generateFunctionsMetadata();
    // Act
    const localizing = (): string =>
      italianFunctionsMetadata(english, { PRL: { description: "PRL", parameters: { ref: "rif" } } });
    // Assess
    expect(localizing).toThrow(MetadataError);
    expect(localizing).toThrow(/PRL\(mode\)/);
  });
});

interface EmittedFunction {
  id: string;
  description: string;
  helpUrl: string;
  parameters?: { name: string; description: string }[];
}

async function emitted(file: string): Promise<EmittedFunction[]> {
  return (JSON.parse(await readFile(join(out, file), "utf8")) as { functions: EmittedFunction[] }).functions;
}

describe("functions-help.html", () => {
  it("is generated from the metadata's source, as pinned in its golden file", async () => {
    // Act
    const page = await readFile(join(out, FUNCTIONS_HELP_PAGE), "utf8");
    // Assess
    expect(page).toBe(await readFile(GOLDEN_HELP, "utf8"));
    expect(page).toBe(functionsHelpPage(await generateFunctionsMetadata()));
  });

  it.each([
    ["functions.json", "en"],
    ["functions.it.json", "it"],
  ] as const)(
    "is where every function of %s points its helpUrl, a section in its language with its texts",
    async (file, lang) => {
      // Prepare
      const page = await readFile(join(out, FUNCTIONS_HELP_PAGE), "utf8");
      // Act
      const functions = await emitted(file);
      // Assess
      expect(functions.length).toBeGreaterThan(0);
      for (const fn of functions) {
        const url = new URL(fn.helpUrl);
        expect(`${url.origin}${url.pathname}`).toBe(`${DEV_ORIGIN}/${FUNCTIONS_HELP_PAGE}`);
        const start = page.indexOf(`<section id="${url.hash.slice(1)}" lang="${lang}">`);
        expect(start, fn.helpUrl).toBeGreaterThan(-1);
        const section = page.slice(start, page.indexOf("</section>", start));
        const escape = (t: string) =>
          t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
        expect(section).toContain(escape(fn.description));
        for (const p of fn.parameters ?? []) expect(section).toContain(escape(p.description));
      }
    },
  );

  it("explains each function in both languages, with the argument separator of each Excel", async () => {
    // Act
    const page = await readFile(join(out, FUNCTIONS_HELP_PAGE), "utf8");
    // Assess
    expect(page).toContain("<code>=CLUSTER.PRL(ref; [mode]; [aggregate])</code>");
    expect(page).toContain("<code>=CLUSTER.PRL(ref, [mode], [aggregate])</code>");
    for (const id of Object.keys(FUNCTIONS_IT)) {
      expect(page).toContain(`id="it-${id}"`);
      expect(page).toContain(`id="en-${id}"`);
    }
  });

  it("fails the build when a function has no Italian text", async () => {
    // Prepare
    const english = await generateFunctionsMetadata();
    // Act
    const making = (): string => functionsHelpPage(english, { PRL: FUNCTIONS_IT["PRL"]! });
    // Assess
    expect(making).toThrow(MetadataError);
    expect(making).toThrow(/PRLNEXT: no Italian description/);
  });
});

describe("functions.js", () => {
  it("is a classic script that registers every function of functions.json when run", async () => {
    // Prepare
    const code = await readFile(join(out, "functions.js"), "utf8");
    const ids = (JSON.parse(await readFile(GOLDEN, "utf8")) as { functions: { id: string }[] }).functions.map(
      (f) => f.id,
    );
    const registered: string[] = [];
    const sandbox = { CustomFunctions: { associate: (id: string) => registered.push(id), Error: class {} } };
    // Act
    runInNewContext(code, sandbox);
    // Assess
    expect(registered.sort()).toEqual([...ids].sort());
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it("pulls in neither React nor Fluent UI", () => {
    expect(
      built.functionsInputs.filter((f) => /node_modules\/(react|react-dom|@fluentui|scheduler)\//.test(f)),
    ).toEqual([]);
    expect(built.functionsInputs.some((f) => f.includes("core/"))).toBe(true);
  });
});

describe("fake Excel host", () => {
  it("bundles for the browser (the preview page runs it), with no Node built-ins", async () => {
    // Act
    const result = await build({
      entryPoints: [join(import.meta.dirname, "../../../addin/memory-host/host.ts")],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
      metafile: true,
    });
    // Assess
    expect(result.errors).toEqual([]);
    expect(
      Object.keys(result.metafile.inputs).filter((f) => f.startsWith("node:") || f.includes("node_modules")),
    ).toEqual([]);
  });
});

describe("bundle budgets", () => {
  it.each(Object.entries(BUDGETS))("keeps %s within %i bytes gzip", (file, budget) => {
    const size = built.sizes.find((s) => s.file === file);
    expect(size?.gzip).toBeGreaterThan(0);
    expect(size?.gzip).toBeLessThanOrEqual(budget);
  });
});

describe("taskpane.js first load", () => {
  it.each([
    ["zod (the sync protocol's schemas)", "node_modules/zod/"],
    ["MSAL (sign-in)", "node_modules/@azure/msal-"],
  ])("leaves %s to a chunk loaded on first use", (_name, path) => {
    expect(built.taskpaneFirstLoadInputs.length).toBeGreaterThan(100);
    expect(built.taskpaneFirstLoadInputs.filter((f) => f.includes(path))).toEqual([]);
  });
});

describe("taskpane.html", () => {
  it("loads Office.js from Microsoft's CDN and functions.js before the task pane", async () => {
    // Act
    const html = await readFile(join(out, "taskpane.html"), "utf8");
    // Assess
    const office = html.indexOf(OFFICE_JS_CDN);
    const functions = html.indexOf('src="functions.js"');
    const taskpane = html.indexOf('src="taskpane.js"');
    expect(office).toBeGreaterThan(-1);
    expect(functions).toBeGreaterThan(office);
    expect(taskpane).toBeGreaterThan(functions);
  });

  it.each([
    ["a page with neither script", "<html><head></head><body><div id=root></div></body></html>"],
    [
      "a page with only the task pane script",
      '<html><head></head><body><script type="module" src="taskpane.js"></script></body></html>',
    ],
  ])("wires %s once, and a second pass changes nothing", (_, page) => {
    // Act
    const once = wireTaskpaneHtml(page);
    // Assess
    expect(once.split(OFFICE_JS_CDN)).toHaveLength(2);
    expect(once.split('src="functions.js"')).toHaveLength(2);
    expect(wireTaskpaneHtml(once)).toBe(once);
  });
});
