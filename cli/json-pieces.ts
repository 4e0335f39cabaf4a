/**
 * The text of `JSON.stringify(value)` in small pieces, for printing documents of megabytes.
 *
 * Why: V8 builds a long JSON text as a tree of 16 K parts. Printing it then copies it twice, each
 * time into megabytes of fresh memory: once to flatten the tree, once to encode it as UTF-8. A
 * 10 000-project `--json` report is 5.5 MB, and the two copies took ~35 ms of a 1 s command.
 * Pieces of a few hundred array elements are small enough to be encoded into one reused buffer
 * (cli/json-out.ts).
 */

const ELEMENTS_PER_PIECE = 256;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== "function";
}

/**
 * Pieces whose concatenation is exactly `JSON.stringify(value)` (no indentation). A plain object
 * is split into its members and its array members (the report's projects, budget rows and
 * issues) into runs of elements; anything else is one piece. (For data: a toJSON inside is called
 * with another key than JSON.stringify would pass it.)
 */
export function* jsonPieces(value: unknown): Generator<string, void, undefined> {
  if (!isPlainObject(value)) {
    const whole = JSON.stringify(value) as string | undefined;
    if (whole !== undefined) yield whole;
    return;
  }
  let sep = "{";
  for (const [key, member] of Object.entries(value)) {
    if (!Array.isArray(member) || typeof (member as { toJSON?: unknown }).toJSON === "function") {
      // undefined for undefined, a function or a symbol (or a toJSON giving undefined): JSON.stringify
      // leaves such a member out.
      const text = JSON.stringify(member) as string | undefined;
      if (text === undefined) continue;
      yield `${sep}${JSON.stringify(key)}:${text}`;
      sep = ",";
      continue;
    }
    yield `${sep}${JSON.stringify(key)}:[`;
    sep = ",";
    // A few hundred elements per piece: one JSON.stringify call per element costs more than the
    // copies saved. The slice keeps holes, which become null as in the whole array.
    for (let i = 0; i < member.length; i += ELEMENTS_PER_PIECE) {
      const text = JSON.stringify(member.slice(i, i + ELEMENTS_PER_PIECE));
      const inner = text.slice(1, -1);
      yield i === 0 ? inner : `,${inner}`;
    }
    yield "]";
  }
  yield sep === "{" ? "{}" : "}";
}
