/**
 * The limits a synced row meets in the cloud store, in one place: the server refuses a row past
 * them as that row's `invalid` issue (functions/sync/check-rows.ts) and `validate` reports the
 * same limits on the cell they come from (core/analyze.ts), so what validates also syncs.
 *
 * DynamoDB measures keys and attribute names in UTF-8 bytes, not characters: 341 × "中" is 341
 * characters and 1 023 bytes. Pure (no Buffer): the add-in runs this too.
 */
import { MAX_KEY_LENGTH } from "./limits.ts";

/**
 * Largest key of a row in UTF-8 bytes. The store's sort key is `ROW#<entity>#<key>`, whose prefix
 * is at most 13 bytes (`ROW#priority#`) and DynamoDB allows 1 024 bytes: 1 000 leaves margin.
 */
export const MAX_KEY_BYTES = 1000;

/**
 * Largest field name (at any depth of a row's values) in UTF-8 bytes. DynamoDB allows names
 * under 64 KB; an Excel heading can hold 32 767 characters (98 KB of "中"). 4 KB is far above any
 * real heading and keeps a row's names from crowding its 96 KB.
 */
export const MAX_FIELD_NAME_BYTES = 4096;

/**
 * Largest `baseVersion` a push may carry: the store writes `baseVersion + 1`, which must stay a
 * safe integer (2^53 − 1 + 1 is not), and no row is ever edited 2^50 times.
 */
export const MAX_BASE_VERSION = 2 ** 50;

/** Why a key or field name cannot be stored as it is. */
export type TextLimit = "bytes" | "unpaired-surrogate";

/**
 * UTF-8 length of a string, counted without encoding it. A lone surrogate counts 3 (it would be
 * written as U+FFFD).
 * @example utf8Bytes("中") === 3; utf8Bytes("😀") === 4
 */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** A lone surrogate: UTF-8 cannot carry it, so DynamoDB would store U+FFFD instead (two keys could collide). */
const UNPAIRED = /\p{Cs}/u;

/** true when `text` holds a lone UTF-16 surrogate (not well-formed Unicode). */
export function hasUnpairedSurrogate(text: string): boolean {
  return UNPAIRED.test(text);
}

/** The limit a row key breaks (the protocol's MAX_KEY_LENGTH characters, then MAX_KEY_BYTES), or undefined. */
export function keyLimit(key: string): TextLimit | undefined {
  if (hasUnpairedSurrogate(key)) return "unpaired-surrogate";
  return key.length > MAX_KEY_LENGTH || utf8Bytes(key) > MAX_KEY_BYTES ? "bytes" : undefined;
}

/** The limit a field name breaks, or undefined. */
export function fieldNameLimit(name: string): TextLimit | undefined {
  if (name.length * 3 > MAX_FIELD_NAME_BYTES && utf8Bytes(name) > MAX_FIELD_NAME_BYTES) return "bytes";
  return hasUnpairedSurrogate(name) ? "unpaired-surrogate" : undefined;
}
