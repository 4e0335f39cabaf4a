/**
 * Field names of a row's values as DynamoDB holds them. A sheet column may be headed
 * `__proto__`, and the SDK's marshaller and unmarshaller build plain objects: they drop that
 * name (assigning it sets a prototype instead). So, on the way in, `__proto__` and any name
 * starting with ESCAPE get one ESCAPE in front; on the way out one is taken off, and objects are
 * rebuilt with own properties only. The mapping is a bijection, and names without ESCAPE (every
 * name a sheet gives in practice) are stored exactly as written, so existing items read the same.
 * (`constructor` and `prototype` need no escape: the document client is built with
 * `convertClassInstanceToMap`, see store/client.ts.)
 */

/** An ASCII control character no heading holds in practice. */
const ESCAPE = "\u001b";

const needsEscape = (name: string): boolean => name === "__proto__" || name.startsWith(ESCAPE);

/** The values as stored: the same object when no name needs an escape (the common case: no copy). */
export function encodeFieldNames<T>(value: T): T {
  return mapNames(value, (name) => (needsEscape(name) ? ESCAPE + name : name));
}

/** The values as written by the client, from what `encodeFieldNames` stored. */
export function decodeFieldNames<T>(value: T): T {
  return mapNames(value, (name) => (name.startsWith(ESCAPE) ? name.slice(1) : name));
}

/**
 * Renames every object key (at any depth) with `rename`, copying only the containers where a
 * name changes. Values are ≤ 30 levels deep (storable-values.ts), so recursion is safe here.
 */
function mapNames<T>(value: T, rename: (name: string) => string): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item: unknown, i) => {
      const mapped = mapNames(item, rename);
      if (mapped !== item) (out ??= value.slice())[i] = mapped;
    });
    return (out ?? value) as T;
  }
  if (value instanceof Uint8Array || value instanceof Set) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  let changed = false;
  const mapped = entries.map(([name, item]) => {
    const n = rename(name);
    const v = mapNames(item, rename);
    if (n !== name || v !== item) changed = true;
    return [n, v] as const;
  });
  if (!changed) return value;
  const out: Record<string, unknown> = {};
  // defineProperty: `out["__proto__"] = v` would set the prototype, not a field.
  for (const [n, v] of mapped) Object.defineProperty(out, n, { value: v, enumerable: true, writable: true, configurable: true });
  return out as T;
}
