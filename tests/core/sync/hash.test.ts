import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalJson, fnv1a64, rowHash } from "#core/sync/hash.ts";

describe("fnv1a64", () => {
  // Published FNV-1a 64 test vectors.
  it.each([
    ["", "cbf29ce484222325"],
    ["a", "af63dc4c8601ec8c"],
    ["foobar", "85944171f73967e8"],
  ])("hashes %j to the published vector %s", (input, expected) => {
    expect(fnv1a64(input)).toBe(expected);
  });

  it("agrees with a BigInt reference implementation on any text", () => {
    const reference = (text: string): string => {
      let h = 0xcbf29ce484222325n;
      for (const b of new TextEncoder().encode(text)) {
        h ^= BigInt(b);
        h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
      }
      return h.toString(16).padStart(16, "0");
    };
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (text) => fnv1a64(text) === reference(text)));
  });
});

describe("canonicalJson", () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: [3, { z: 1, y: null }] }, '{"a":[3,{"y":null,"z":1}]}'],
    [{ a: undefined, b: "x" }, '{"b":"x"}'],
    [[1, "2", true], '[1,"2",true]'],
  ])("writes %j as %s", (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it("is the same text whatever the key order, and parses back to equal JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const shuffled = JSON.parse(JSON.stringify(value, (_k, v: unknown) => reorder(v))) as unknown;
        const text = canonicalJson(value);
        expect(canonicalJson(shuffled)).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe("rowHash", () => {
  it("differs between a live row and its tombstone with the same values", () => {
    const values = { code: "5", title: "Big Data" };
    expect(rowHash(values, true)).not.toBe(rowHash(values));
  });

  it("changes when any value changes", () => {
    expect(rowHash({ code: "5", title: "Big Data" })).not.toBe(rowHash({ code: "5", title: "Big data" }));
  });
});

function reorder(v: unknown): unknown {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).reverse());
}
