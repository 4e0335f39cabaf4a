/**
 * Prints a JSON document and a line end to a process stream, in pieces (cli/json-pieces.ts says
 * why): each piece is encoded into one buffer that is written whenever it fills up.
 *
 * Into a file or a device such as /dev/null the writes are synchronous (fs.writeSync, as
 * process.stdout itself does there), so the one buffer is reused and the document never needs
 * megabytes of fresh memory. Into a pipe or a terminal the stream may still hold a buffer after
 * `write` returns, so each one it is given is new.
 */
import { fstatSync, writeSync } from "node:fs";
import { isatty } from "node:tty";
import { jsonPieces } from "./json-pieces.ts";

const BUFFER_BYTES = 1 << 20;
/** UTF-8 needs at most 3 bytes per UTF-16 unit. */
const MAX_BYTES_PER_UNIT = 3;

/** The stream's side of writing: its file descriptor, and `write` for the asynchronous case. */
export interface JsonOutStream {
  readonly fd?: number;
  write(chunk: Uint8Array | string): unknown;
}

/** Whether writes to `fd` complete before writeSync returns: a regular file or a device other than a terminal. */
function writesSynchronously(fd: number | undefined): fd is number {
  if (fd === undefined) return false;
  try {
    const s = fstatSync(fd);
    return s.isFile() || (s.isCharacterDevice() && !isatty(fd));
  } catch {
    return false;
  }
}

function writeAllSync(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/**
 * Writes `JSON.stringify(value)` and "\n" to `out`.
 * @throws what a synchronous write throws (a full disk): the caller reports it as it reports a
 *   failing stream.
 */
export function writeJsonLine(out: JsonOutStream, value: unknown): void {
  const fd = out.fd;
  const sync = writesSynchronously(fd);
  let buf = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;

  const flush = (): void => {
    if (used === 0) return;
    if (sync) writeAllSync(fd, buf.subarray(0, used));
    else {
      out.write(buf.subarray(0, used));
      buf = Buffer.allocUnsafe(BUFFER_BYTES);
    }
    used = 0;
  };

  const put = (piece: string): void => {
    const most = piece.length * MAX_BYTES_PER_UNIT;
    if (used + most > BUFFER_BYTES) flush();
    if (most <= BUFFER_BYTES) used += buf.write(piece, used, "utf8");
    // One long piece (a single huge element): written as it is.
    else if (sync) writeAllSync(fd, Buffer.from(piece, "utf8"));
    else out.write(piece);
  };

  for (const piece of jsonPieces(value)) put(piece);
  put("\n");
  flush();
}
