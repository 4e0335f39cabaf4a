/** The pull cursor: opaque to clients ("1." + the last sequence number covered, base 36). */
import { InvalidInputError } from "../service-errors.ts";

const PREFIX = "1.";

export function encodeCursor(seq: number): string {
  return `${PREFIX}${seq.toString(36)}`;
}

/** The sequence number of a cursor (0 for none); 400 for anything that is not one of ours. */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === "") return 0;
  const body = cursor.startsWith(PREFIX) ? cursor.slice(PREFIX.length) : "";
  const seq = /^[0-9a-z]{1,11}$/.test(body) ? parseInt(body, 36) : NaN;
  if (!Number.isSafeInteger(seq) || seq < 0) throw new InvalidInputError("cursor.invalid");
  return seq;
}
