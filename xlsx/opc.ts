/**
 * Open Packaging Conventions: relationships and part names. A relationship target may be
 * relative to its source part ("worksheets/sheet1.xml", "../comments1.xml") or absolute from the
 * package root ("/xl/comments/comment1.xml", as openpyxl writes): both are valid (ECMA-376 part 2).
 */
import { parseXml } from "./xml.ts";

/** One relationship of a part. */
export interface Relationship {
  readonly id: string;
  /** The type URI (transitional or strict namespace: compare its last segment). */
  readonly type: string;
  /** The target part name, resolved and without a leading "/" ("xl/worksheets/sheet1.xml"). */
  readonly target: string;
  readonly external: boolean;
}

/**
 * The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; the
 * package's own ("") → "_rels/.rels".
 */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against its source part. */
export function resolveTarget(source: string, target: string): string {
  let path: string;
  try {
    path = decodeURIComponent(target.split("#")[0] as string);
  } catch {
    path = target;
  }
  const base = path.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** The last segment of a relationship type URI ("…/relationships/worksheet" → "worksheet"). */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

/**
 * Parses a .rels part.
 * @param source the part the relationships belong to ("" for the package)
 * @throws ReaderFailure on malformed or hostile XML
 */
export function parseRelationships(bytes: Uint8Array, source: string, maxDepth: number): Relationship[] {
  const out: Relationship[] = [];
  parseXml(bytes, relsPartOf(source), maxDepth, {
    open(name, a) {
      if (name !== "Relationship" || a.Id === undefined || a.Target === undefined) return;
      const external = a.TargetMode === "External";
      out.push({
        id: a.Id,
        type: a.Type ?? "",
        target: external ? a.Target : resolveTarget(source, a.Target),
        external,
      });
    },
  });
  return out;
}
