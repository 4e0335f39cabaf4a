/**
 * The parts `npm start` is made of, one by one: the 03:30 schedule (DST nights included), the
 * options, the staleness check of dist/, the running-instance file, the TLS choice and the dev
 * server's file serving (real sockets, real openssl).
 */
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDevDefaults } from "../../dev/api-proxy.ts";
import { devTls } from "../../dev/certs.ts";
import { staleReason } from "../../dev/dist.ts";
import { nextRun } from "../../dev/nightly-schedule.ts";
import { parseStartOptions, StartRefused } from "../../dev/options.ts";
import { readRunning, writeState } from "../../dev/state-file.ts";
import { startDevServer, type DevServer } from "../../dev/static-server.ts";

let dir: string;
const savedTz = process.env["TZ"];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "actionplan-start-parts-"));
});

afterAll(async () => {
  if (savedTz === undefined) delete process.env["TZ"];
  else process.env["TZ"] = savedTz;
  await rm(dir, { recursive: true, force: true });
});

describe("nextRun (03:30 local time)", () => {
  it.each([
    ["before 03:30 → today", "2026-11-22T01:00:00", "2026-11-22T03:30:00"],
    ["exactly 03:30 → tomorrow", "2026-11-22T03:30:00", "2026-11-23T03:30:00"],
    ["evening → tomorrow", "2026-11-22T23:59:00", "2026-11-23T03:30:00"],
    ["spring DST night (02:00 does not exist) → 03:30 that night", "2027-03-28T01:30:00", "2027-03-28T03:30:00"],
    ["autumn DST night (02:00–03:00 twice) → 03:30 once", "2026-10-25T02:30:00", "2026-10-25T03:30:00"],
    ["last day of the year → 1 January", "2026-12-31T04:00:00", "2027-01-01T03:30:00"],
  ])("in Europe/Rome: %s", (_name, now, expected) => {
    // Prepare
    process.env["TZ"] = "Europe/Rome";
    // Act
    const next = nextRun(new Date(now));
    // Assess: the wall clock says 03:30 on the expected day.
    const wall = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, "0")}-${String(next.getDate()).padStart(2, "0")}T${String(next.getHours()).padStart(2, "0")}:${String(next.getMinutes()).padStart(2, "0")}:00`;
    expect(wall).toBe(expected);
    expect(next.getTime()).toBeGreaterThan(new Date(now).getTime());
  });
});

describe("parseStartOptions", () => {
  it.each([
    ["defaults", [], {}, { inMemory: false, webPort: 3000, apiPort: 4300, forceHttp: false }],
    ["ports from the environment", [], { ACTIONPLAN_WEB_PORT: "3100", ACTIONPLAN_API_PORT: "4400" }, { webPort: 3100, apiPort: 4400 }],
    ["flags win over the environment", ["--port", "3200", "--api-port", "4500", "--in-memory", "--http"], { ACTIONPLAN_WEB_PORT: "3100" }, { webPort: 3200, apiPort: 4500, inMemory: true, forceHttp: true }],
  ])("reads %s", (_name, argv, env, expected) => {
    expect(parseStartOptions(argv, env, "/repo")).toMatchObject({ ...expected, dist: "/repo/dist", workbooks: "/repo/workbooks", data: "/repo/.data" });
  });

  /** The refusal parseStartOptions throws for `argv` (and `env`), said in `lang`. */
  const refusal = (argv: string[], lang: "it" | "en", env: Record<string, string> = {}): string => {
    try {
      parseStartOptions(argv, env, "/repo");
    } catch (error) {
      if (error instanceof StartRefused) return error.text(lang);
      throw error;
    }
    throw new Error(`${JSON.stringify(argv)} was accepted`);
  };

  it.each([
    [["--port", "70000"], {}, "porta non valida in --port: «70000» (serve un numero da 1 a 65535)"],
    [["--api-port", "x"], {}, "porta non valida in --api-port: «x» (serve un numero da 1 a 65535)"],
    [[], { ACTIONPLAN_WEB_PORT: "0" }, "porta non valida in ACTIONPLAN_WEB_PORT: «0» (serve un numero da 1 a 65535)"],
    [["--what"], {}, "opzione sconosciuta --what (npm start accetta --in-memory, --port, --api-port, --http, --dist, --workbooks, --data)"],
    [["-p"], {}, "opzione sconosciuta -p (npm start accetta --in-memory, --port, --api-port, --http, --dist, --workbooks, --data)"],
    [["--port"], {}, "l'opzione --port richiede un valore"],
    [["--port", "--http"], {}, "l'opzione --port richiede un valore"],
    [["--http=yes"], {}, "l'opzione --http non accetta valori"],
    [["extra"], {}, "argomento inatteso «extra»: npm start accetta solo opzioni"],
  ])("refuses %j in one Italian line of its own words, none of Node's", (argv, env, message) => {
    expect(refusal(argv, "it", env)).toBe(message);
  });

  it.each([
    [["--port", "70000"], 'invalid port in --port: "70000" (a number from 1 to 65535 is needed)'],
    [["--what"], "unknown option --what (npm start takes --in-memory, --port, --api-port, --http, --dist, --workbooks, --data)"],
    [["--port"], "option --port needs a value"],
    [["--http=yes"], "option --http takes no value"],
    [["extra"], 'unexpected argument "extra": npm start takes options only'],
  ])("says the refusal of %j in English too", (argv, message) => {
    expect(refusal(argv, "en")).toBe(message);
  });
});

describe("staleReason (dist/)", () => {
  const outputs = ["taskpane.html", "taskpane.js", "preview.html", "preview.js", "functions.js", "functions.json"];
  it.each([
    ["empty", [], 0, { missing: "taskpane.html" }],
    ["without the preview bundle", outputs.filter((f) => f !== "preview.js"), 0, { missing: "preview.js" }],
    ["older than the sources", outputs, new Date("2000-01-01").getTime() / 1000, { changed: true }],
    ["newer than the sources", outputs, Date.now() / 1000 + 3600, undefined],
  ])("says a dist/ that is %s needs a build or not", (name, files, mtime, expected) => {
    // Prepare
    const out = join(dir, `dist-${name.replace(/\W+/g, "-")}`);
    mkdirSync(out, { recursive: true });
    for (const f of files) {
      writeFileSync(join(out, f), "x");
      if (mtime) utimesSync(join(out, f), mtime, mtime);
    }
    // Act
    const reason = staleReason(out);
    // Assess
    expect(reason).toEqual(expected);
  });
});

describe("the running-instance file", () => {
  it.each([
    ["a live other process", () => process.ppid, true],
    ["this process itself", () => process.pid, false],
    ["a process that is gone", () => 2 ** 22 + 7, false],
  ])("counts %s as running or not", (_name, pid, expected) => {
    // Prepare
    const path = join(dir, `state-${_name.replace(/\W+/g, "-")}.json`);
    writeState(path, { pid: pid(), apiUrl: "a", webUrl: "w", dynamoEndpoint: "d", tableName: "t" });
    // Act / Assess
    expect(readRunning(path) !== undefined).toBe(expected);
  });

  it("reads a damaged file as nothing running", () => {
    const path = join(dir, "damaged.json");
    writeFileSync(path, "{ not json");
    expect(readRunning(path)).toBeUndefined();
  });
});

describe("devTls", () => {
  it.each([
    ["--http", "http", { forceHttp: true }],
    ["no office-addin-dev-certs here", "self-signed", {}],
  ] as const)("with %s serves %s", async (_name, kind, extra) => {
    const tls = await devTls({ cacheDir: join(dir, "cache"), home: join(dir, "empty-home"), ...extra });
    expect(tls.kind).toBe(kind);
  });

  it("reuses the certificates office-addin-dev-certs installed earlier", async () => {
    // Prepare: a home folder holding that tool's files (made here with the self-signed path).
    const made = await devTls({ cacheDir: join(dir, "cache"), home: join(dir, "empty-home") });
    if (made.kind !== "self-signed") throw new Error("openssl is needed for this test");
    const certs = join(dir, "home", ".office-addin-dev-certs");
    mkdirSync(certs, { recursive: true });
    writeFileSync(join(certs, "localhost.crt"), made.cert);
    writeFileSync(join(certs, "localhost.key"), made.key);
    // Act
    const tls = await devTls({ cacheDir: join(dir, "cache"), home: join(dir, "home") });
    // Assess (on Windows/macOS the tool itself is asked first)
    if (process.platform === "linux") expect(tls.kind).toBe("office-addin-dev-certs");
    expect(tls.kind === "http" ? undefined : tls.cert.toString()).toBe(made.cert.toString());
  });
});

describe("the dev server", () => {
  let server: DevServer;
  let port: number;
  beforeAll(async () => {
    const root = join(dir, "site");
    mkdirSync(join(root, "assets"), { recursive: true });
    writeFileSync(join(root, "preview.html"), "<p>preview</p>");
    writeFileSync(join(root, "functions.json"), "{}");
    writeFileSync(join(root, "assets", "icon.png"), "png");
    writeFileSync(join(dir, "secret.txt"), "secret");
    const tls = await devTls({ cacheDir: join(dir, "cache"), home: join(dir, "empty-home") });
    const { freePort } = await import("#functions/local/dynamodb-local.ts");
    port = await freePort();
    server = await startDevServer({ root, port, tls });
  });
  afterAll(async () => server?.stop());

  const get = (path: string): Promise<{ status: number; type: string; body: string }> =>
    new Promise((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path, rejectUnauthorized: false, servername: "localhost" }, (res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body }));
      });
      req.on("error", reject);
      req.end();
    });

  it.each([
    ["/", 200, /text\/html/, "<p>preview</p>"],
    ["/functions.json", 200, /application\/json/, "{}"],
    ["/assets/icon.png", 200, /image\/png/, "png"],
    ["/missing.js", 404, /text\/plain/, "not found"],
    // "/../secret.txt" normalises to "/secret.txt" inside the root: never the file outside it.
    ["/..%2fsecret.txt", 404, /text\/plain/, "not found"],
    ["/assets/..%2f..%2f..%2fsecret.txt", 404, /text\/plain/, "not found"],
    ["/%E0%A4%A", 400, /.*/, ""],
  ])("answers GET %s with %i", async (path, status, type, body) => {
    const reply = await get(path);
    expect(reply.status).toBe(status);
    expect(reply.type).toMatch(type);
    expect(reply.body).toBe(body);
  });
});

describe("withDevDefaults (taskpane.html)", () => {
  const page = (meta: string) => `<html><head>\n${meta}\n</head><body></body></html>`;
  const empty = '<meta name="actionplan:api-url" content="" />\n<meta name="actionplan:client-id" content="" />';
  it.each([
    ["a dev build gets the API and the dev user", empty, ['content="https://localhost:3000/api"', 'name="actionplan:dev-user" content="dev-user"']],
    ["a build with its own API URL keeps it", '<meta name="actionplan:api-url" content="https://api.example.org" />', ['content="https://api.example.org"', 'name="actionplan:dev-user"']],
    ["a build with an Entra client id is left alone", '<meta name="actionplan:api-url" content="" />\n<meta name="actionplan:client-id" content="abc" />', ['name="actionplan:api-url" content=""']],
  ])("%s", (_name, meta, expected) => {
    const out = withDevDefaults(page(meta), "https://localhost:3000/api", "dev-user");
    for (const e of expected) expect(out).toContain(e);
    if (meta.includes('content="abc"')) expect(out).toBe(page(meta));
  });

  it("escapes what it writes into attributes", () => {
    const out = withDevDefaults(page(empty), 'https://x/"><script>', "dev-user");
    expect(out).not.toContain("<script>");
    expect(out).toContain('content="https://x/&quot;>&lt;script>"');
  });
});

describe("the dev server's /api when the API is down", () => {
  it("answers 502 with a typed body, never hangs", async () => {
    // Prepare: an API target nobody listens on.
    const { freePort } = await import("#functions/local/dynamodb-local.ts");
    const [port, dead] = [await freePort(), await freePort()];
    const tls = await devTls({ cacheDir: join(dir, "cache"), home: join(dir, "empty-home") });
    const server = await startDevServer({ root: dir, port, tls, api: { target: `http://127.0.0.1:${dead}`, devUser: "dev-user", mintToken: async (u) => `token-${u}` } });
    try {
      // Act
      const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, path: "/api/plans/p/changes", rejectUnauthorized: false }, (res) => {
          let body = "";
          res.on("data", (d: Buffer) => (body += d.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on("error", reject);
        req.end();
      });
      // Assess
      expect(reply).toEqual({ status: 502, body: JSON.stringify({ error: "api.unreachable" }) });
    } finally {
      await server.stop();
    }
  });
});

describe("properties", () => {
  it("parseStartOptions either reads valid ports or refuses with StartRefused, for any argv", () => {
    const token = fc.oneof(fc.constantFrom("--port", "--api-port", "--in-memory", "--http", "--dist", "--data", "--workbooks", "--", "-p"), fc.string(), fc.integer().map(String));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (argv) => {
        try {
          const o = parseStartOptions(argv, {}, "/repo");
          return [o.webPort, o.apiPort].every((p) => Number.isInteger(p) && p >= 1 && p <= 65535);
        } catch (error) {
          // One line in each language, never Node's English.
          if (!(error instanceof StartRefused)) return false;
          const lines = [error.text("it"), error.text("en")];
          return lines.every((l) => !l.includes("\n") && !/Unknown option|argument missing|does not take|Unexpected argument/.test(l));
        }
      }),
    );
  });

  it("withDevDefaults writes one api-url meta whose value reads back as the URL given", () => {
    const html = '<html><head>\n<meta name="actionplan:api-url" content="" />\n<meta name="actionplan:client-id" content="" />\n</head></html>';
    fc.assert(
      fc.property(fc.string(), (url) => {
        const out = withDevDefaults(html, url, "dev-user");
        const metas = [...out.matchAll(/<meta name="actionplan:api-url" content="([^"]*)" \/>/g)];
        const decoded = metas[0]?.[1]?.replace(/&lt;/g, "<").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
        return metas.length === 1 && decoded === url;
      }),
    );
  });
});
