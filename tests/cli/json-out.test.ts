/**
 * `--json` documents printed in pieces (cli/json-pieces.ts, cli/json-out.ts): the text is exactly
 * JSON.stringify's, into a file (one reused buffer, synchronous writes) and into a stream that may
 * hold on to what it is given (a new buffer each time).
 */
import { closeSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeJsonLine } from "#cli/json-out.ts";
import { jsonPieces } from "#cli/json-pieces.ts";
import { outputDir } from "./helpers.ts";

/** JSON-like data with what JSON.stringify skips or turns into null: undefined, functions, holes. */
const leaf = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constant(() => 1), fc.constant(Number.NaN), fc.constant(-0));
const member = fc.oneof(leaf, fc.array(leaf), fc.dictionary(fc.string(), leaf), fc.sparseArray(leaf));
const documentLike = fc.oneof(fc.dictionary(fc.string(), member), member);

/** Arrays longer than one piece, with holes ("hole" marks one) and undefined elements. */
const withHoles = fc
  .array(fc.oneof(fc.integer(), fc.constant(undefined), fc.constant("hole" as const)), { minLength: 200, maxLength: 800 })
  .map((xs) => {
    const a: unknown[] = new Array<unknown>(xs.length);
    xs.forEach((x, i) => {
      if (x !== "hole") a[i] = x;
    });
    return a;
  });

/** A report-sized document: many array elements, text in several scripts and surrogate pairs. */
function largeDocument(): Record<string, unknown> {
  const projects = Array.from({ length: 6_000 }, (_, i) => ({
    code: `P${i}`,
    title: `Progetto ${i} — città, perché, 12 345,50 € 🚑`,
    partners: ["Università di Bologna", "Ospedale «S. Orsola»", undefined],
    level: i % 10,
    note: i % 7 === 0 ? undefined : "x".repeat(i % 50),
  }));
  return { schema: 1, file: "piano.xlsx", counts: { errors: 0 }, projects, empty: [], skipped: undefined };
}

describe("jsonPieces", () => {
  it("joins to exactly JSON.stringify for any JSON-like value (property)", () => {
    fc.assert(
      fc.property(documentLike, (v) => {
        expect([...jsonPieces(v)].join("")).toBe(JSON.stringify(v) ?? "");
      }),
      { numRuns: 500 },
    );
  });

  it("splits a report's arrays into runs of elements, no piece near the size of the whole", () => {
    const doc = largeDocument();
    const pieces = [...jsonPieces(doc)];
    expect(pieces.join("")).toBe(JSON.stringify(doc));
    expect(pieces.length).toBeGreaterThan(20);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(JSON.stringify(doc).length / 10);
  });

  it("keeps holes and undefined elements as null across piece boundaries (property)", () => {
    fc.assert(
      fc.property(withHoles, (rows) => {
        const doc = { rows };
        expect([...jsonPieces(doc)].join("")).toBe(JSON.stringify(doc));
      }),
      { numRuns: 50 },
    );
  });

  it("keeps a toJSON document whole and leaves out a member whose toJSON gives undefined", () => {
    const dated = { at: new Date(Date.UTC(2026, 11, 6)), gone: { toJSON: () => undefined }, n: 1 };
    expect([...jsonPieces(dated)].join("")).toBe(JSON.stringify(dated));
    expect([...jsonPieces(new Date(0))]).toEqual([JSON.stringify(new Date(0))]);
    expect([...jsonPieces(undefined)]).toEqual([]);
  });
});

describe("writeJsonLine", () => {
  it("writes JSON.stringify and a line end into a file, through one reused buffer", async () => {
    const dir = await outputDir("json-out");
    const path = join(dir, "report.json");
    const doc = largeDocument();
    const fd = openSync(path, "w");
    try {
      writeJsonLine({ fd, write: () => expect.fail("a file is written synchronously") }, doc);
    } finally {
      closeSync(fd);
    }
    const text = readFileSync(path, "utf8");
    expect(text.length).toBeGreaterThan(1 << 20);
    expect(text).toBe(`${JSON.stringify(doc)}\n`);
  });

  it("gives a stream a new buffer each time (a pipe may still hold the previous one)", () => {
    const doc = largeDocument();
    const chunks: (Uint8Array | string)[] = [];
    writeJsonLine({ write: (c) => chunks.push(c) }, doc);
    expect(chunks.length).toBeGreaterThan(1);
    // Read only now: had one buffer been reused, the earlier chunks would hold later text.
    const text = chunks.map((c) => (typeof c === "string" ? c : Buffer.from(c).toString("utf8"))).join("");
    expect(text).toBe(`${JSON.stringify(doc)}\n`);
  });

  it("writes one element longer than its buffer as it is", () => {
    const doc = { rows: ["a".repeat(600_000), "€".repeat(400_000), "b"] };
    const chunks: (Uint8Array | string)[] = [];
    writeJsonLine({ write: (c) => chunks.push(c) }, doc);
    const text = chunks.map((c) => (typeof c === "string" ? c : Buffer.from(c).toString("utf8"))).join("");
    expect(text).toBe(`${JSON.stringify(doc)}\n`);
  });
});
