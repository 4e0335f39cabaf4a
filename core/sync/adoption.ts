/**
 * Adoption (SPEC §9), the one rule the server and every client apply: a pushed row whose content
 * equals the cloud's current content is not a conflict, whatever version it was based on (none,
 * an old one): it is `unchanged` at the cloud's version, and that version becomes its base. The
 * store classifies a failed write with it; the engine's next base checks conflicts the server
 * answered with it (older servers, conflicts echoed before this rule); pull adopts with it too.
 *
 * @example adoptedVersion(contentHash({ code: "1" }, false), { version: 3, hash: contentHash({ code: "1" }, false) }) === 3
 */
import { rowHash } from "./hash.ts";

/** What the store keeps of a row's content: its hash (a tombstone's never depends on its last values). */
export interface StoredContent {
  version: number;
  hash: string;
}

/**
 * The content hash the store records: `rowHash` of the values, or of nothing for a tombstone
 * (a tombstone keeps its last values to be restorable, but two deletions are the same content).
 */
export function contentHash(values: unknown, deleted: boolean): string {
  return deleted ? rowHash({}, true) : rowHash(values);
}

/** The cloud's version when the row's content equals the cloud's current content; else undefined. */
export function adoptedVersion(hash: string, cloud: StoredContent | undefined): number | undefined {
  return cloud !== undefined && cloud.hash === hash ? cloud.version : undefined;
}
