/**
 * What kind of file the bytes are, before any parsing: staff save .xls, password-protected and
 * OpenDocument files too, and each deserves its own message rather than "damaged".
 */

/** The container the bytes are in. */
export type Container = "zip" | "xls" | "encrypted" | "other";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** Compound File Binary (OLE2): the container of .xls and of encrypted OOXML. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, magic: readonly number[]): boolean {
  return b.length >= magic.length && magic.every((x, i) => b[i] === x);
}

/** UTF-16LE bytes of an ASCII name, as CFB directory entries store stream names. */
function utf16(name: string): Uint8Array {
  const out = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) out[i * 2] = name.charCodeAt(i);
  return out;
}
const ENCRYPTED_PACKAGE = utf16("EncryptedPackage");

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  outer: for (let i = hay.indexOf(first as number); i >= 0 && i <= hay.length - needle.length; i = hay.indexOf(first as number, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Names the container. A CFB file holding an "EncryptedPackage" stream is an encrypted
 * Office Open XML file (MS-OFFCRYPTO); any other CFB file is taken for a legacy .xls.
 */
export function sniffContainer(b: Uint8Array): Container {
  if (startsWith(b, ZIP_MAGIC) || startsWith(b, EMPTY_ZIP_MAGIC)) return "zip";
  if (startsWith(b, CFB_MAGIC)) return contains(b, ENCRYPTED_PACKAGE) ? "encrypted" : "xls";
  return "other";
}
