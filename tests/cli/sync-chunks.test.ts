/**
 * `actionplan sync` of a workbook bigger than one request may carry: chunks by bytes of JSON and
 * by rows, each with its own idempotency key, through a loopback proxy in front of the real local
 * stack (the proxy counts the requests and, when asked, refuses one of them).
 */
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "#cli/main.ts";
import { CHUNK_MAX_BYTES, CLI_PUSH_BUDGET } from "#cli/commands/sync.ts";
import { pushChunks } from "#core/sync/push-chunks.ts";
import { SIDECAR_SUFFIX, type SidecarState } from "#cli/sync-state-file.ts";
import { MAX_BODY_BYTES, type PushRequest, type PushRow } from "#core/sync/protocol.ts";
import { bigDataPlan, type FixtureSheet } from "#samples/seed-workbook.ts";
import { FIXTURE_OUTPUT_DIR, writeXlsx } from "#samples/write-xlsx.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";

const stack = useLocalStack();
const dir = join(FIXTURE_OUTPUT_DIR, "..", `cli-sync-chunks-${process.pid}`);
let token = "";
let seq = 0;

/** What reached the proxy, and the 1-based request it answers with a 500 (0: none). */
const proxy = { seen: [] as { key: string; bytes: number; rows: number }[], failAt: 0, url: "" };
let server: Server;

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  token = await stack().issuer.mintToken({ oid: "chunk-user" });
  server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => {
      const body = Buffer.concat(parts);
      const request = JSON.parse(body.toString("utf8")) as PushRequest;
      proxy.seen.push({ key: request.idempotencyKey, bytes: body.length, rows: request.rows.length });
      if (proxy.seen.length === proxy.failAt) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "internal", message: "injected failure" } }));
        return;
      }
      void fetch(`${stack().apiUrl}${req.url ?? ""}`, {
        method: "POST",
        headers: { authorization: req.headers.authorization ?? "", "content-type": "application/json" },
        body,
      }).then(async (upstream) => {
        res.writeHead(upstream.status, { "content-type": "application/json" });
        res.end(await upstream.text());
      });
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** The seed plan plus `extra` projects, each with a 30 000-character abstract of two-byte letters. */
function heavyPlan(extra: number): FixtureSheet[] {
  return bigDataPlan().map((sheet) => {
    if (sheet.name !== "Progetti") return sheet;
    const template = sheet.values[1] ?? [];
    const added = Array.from({ length: extra }, (_, i) => {
      const row = [...template];
      row[0] = `BIG${String(i).padStart(3, "0")}`;
      row[1] = `Big${i}`;
      row[17] = "è".repeat(30_000);
      return row;
    });
    return { ...sheet, values: [...sheet.values, ...added], formulas: undefined };
  });
}

async function syncThroughProxy(file: string, plan: string) {
  let out = "";
  let err = "";
  const code = await main(["sync", file, "--plan", plan, "--api", proxy.url, "--token", token, "--json"], {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    cwd: dir,
  });
  return { code, out, err };
}

async function freshPlan(): Promise<string> {
  const id = `cli-chunks-${process.pid}-${++seq}`;
  await stack().store.createPlan(id, id, "chunk-user");
  return id;
}

describe("actionplan sync of a large workbook", () => {
  it("pushes more than the API's body limit in chunks under 4 MB, each with its own key, all applied", async () => {
    // Prepare
    const plan = await freshPlan();
    await writeXlsx(heavyPlan(100), join(dir, "heavy.xlsx"));
    proxy.seen = [];
    proxy.failAt = 0;
    // Act
    const result = await syncThroughProxy("heavy.xlsx", plan);
    // Assess
    const report = JSON.parse(result.out) as { sent: number; counts: Record<string, number> };
    expect(proxy.seen.reduce((sum, r) => sum + r.bytes, 0)).toBeGreaterThan(MAX_BODY_BYTES);
    expect(proxy.seen.length).toBeGreaterThan(1);
    expect(proxy.seen.every((r) => r.bytes <= CHUNK_MAX_BYTES)).toBe(true);
    expect(new Set(proxy.seen.map((r) => r.key)).size).toBe(proxy.seen.length);
    expect(report.counts["applied"]).toBe(report.sent);
    expect((await stack().store.listRows(plan)).length).toBe(report.sent);
    expect(result.code).toBe(0);
  });

  it("records the chunks applied before a later one fails, and sends only the rest next time", async () => {
    // Prepare
    const plan = await freshPlan();
    const file = "heavy-fail.xlsx";
    await writeXlsx(heavyPlan(100), join(dir, file));
    proxy.seen = [];
    proxy.failAt = 2;
    // Act
    const failed = await syncThroughProxy(file, plan);
    const firstChunkRows = proxy.seen[0]?.rows ?? 0;
    const sidecar = JSON.parse(await readFile(join(dir, `${file}${SIDECAR_SUFFIX}`), "utf8")) as SidecarState;
    proxy.failAt = 0;
    const retried = await syncThroughProxy(file, plan);
    // Assess
    expect(failed.code).toBe(2);
    expect(failed.err).toMatch(/500/);
    expect(Object.keys(sidecar.rows)).toHaveLength(firstChunkRows);
    const stored = await stack().store.listRows(plan);
    const second = JSON.parse(retried.out) as { sent: number; counts: Record<string, number> };
    expect(second.sent).toBe(stored.length - firstChunkRows);
    expect(second.counts).toEqual({ applied: second.sent, unchanged: 0, conflict: 0, invalid: 0 });
    expect(retried.code).toBe(0);
  });

  it("splits any rows into chunks that keep their order and stay within the byte and row limits", () => {
    const row = fc.record({
      entity: fc.constantFrom("project" as const, "budget" as const),
      key: fc.string({ minLength: 1, maxLength: 8 }),
      baseVersion: fc.nat(9),
      values: fc.record({ text: fc.string({ maxLength: 300, unit: "binary" }) }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 60 }),
        fc.integer({ min: 1500, max: 6000 }),
        fc.integer({ min: 1, max: 20 }),
        (rows: PushRow[], maxBytes, maxRows) => {
          // Act
          const chunks = pushChunks(rows, { ...CLI_PUSH_BUDGET, maxBytes, maxRows });
          // Assess
          expect(chunks.flat()).toEqual(rows);
          for (const chunk of chunks) {
            expect(chunk.length).toBeGreaterThan(0);
            expect(chunk.length).toBeLessThanOrEqual(maxRows);
            const body = JSON.stringify({
              idempotencyKey: `cli-${"x".repeat(36)}-999`,
              source: "cli",
              rows: chunk,
            });
            if (chunk.length > 1) expect(Buffer.byteLength(body, "utf8")).toBeLessThanOrEqual(maxBytes);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
