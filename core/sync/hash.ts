/**
 * Deterministic content hash of an entity's wire values (SPEC §9: "every entity row has a key,
 * a version and a content hash"). Canonical JSON (object keys sorted, undefined dropped) hashed
 * with FNV-1a 64. Pure and synchronous so the add-in, the CLI and the server compute the very
 * same string for the same values.
 */

/**
 * Canonical JSON: like `JSON.stringify` but object keys are sorted at every depth, so two
 * objects with the same content always give the same text whatever their key order.
 *
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) === '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    // JSON.stringify maps NaN/Infinity to null and undefined to undefined (dropped by the caller).
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  }
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined || typeof v === "function") continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(",")}}`;
}

const encoder = new TextEncoder();

/**
 * FNV-1a 64-bit of a string's UTF-8 bytes, as 16 lower-case hex digits.
 * Computed on four 16-bit limbs: plain number arithmetic stays exact (every product < 2^32)
 * and is an order of magnitude faster than BigInt for the 10 000-row pushes we hash.
 *
 * @example fnv1a64("") === "cbf29ce484222325"
 */
export function fnv1a64(text: string): string {
  const bytes = encoder.encode(text);
  // Offset basis 0xcbf29ce484222325, low limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const byte of bytes) {
    h0 ^= byte;
    // Multiply by the FNV prime 0x100000001b3 = 2^40 + 0x1b3 (limbs: p0 = 0x1b3, p2 = 0x100).
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + h0 * 0x100 + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + h1 * 0x100 + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, "0")).join("");
}

/**
 * The content hash of a row: FNV-1a 64 of the canonical JSON of its values, plus the tombstone
 * flag (a deleted row and a live row with the same last values must not hash alike).
 */
export function rowHash(values: unknown, deleted = false): string {
  return fnv1a64(deleted ? `deleted:${canonicalJson(values)}` : canonicalJson(values));
}
