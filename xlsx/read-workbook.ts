/**
 * The workbook reader: .xlsx bytes → a {@link WorkbookSnapshot} (origin "xlsx"), the same shape
 * the add-in builds with Office.js. Shared by the CLI and the nightly job, so it knows nothing of
 * either: no printing, no exit codes, one typed error for files it cannot or will not read.
 *
 * It reads exactly what the snapshot needs: the workbook part (sheet order, names, state, date
 * system), shared strings, the styles' date formats and each worksheet; never drawings, comments,
 * pivots or media. Conventions (core/snapshot/types.ts): values anchored at A1; dates as 1900-system
 * serials (1904 workbooks and ISO date cells converted); formula cells as their saved result with
 * the formula (with "=") in `formulas` and, when nothing was saved, the address in `uncached`;
 * error values as their text ("#REF!"); rich text as its plain text; merged areas as A1 ranges with
 * only the top-left cell holding the value; chart and dialog sheets skipped.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { SheetSnapshot, WorkbookSnapshot } from "#core/snapshot/types.ts";
import { ReaderFailure, UnreadableWorkbookError } from "./errors.ts";
import type { ReaderLimits } from "./limits.ts";
import { DEFAULT_LIMITS } from "./limits.ts";
import type { Relationship } from "./opc.ts";
import { parseRelationships, relKind, relsPartOf } from "./opc.ts";
import { parseSharedStrings } from "./shared-strings.ts";
import { sniffContainer } from "./sniff.ts";
import { parseDateStyles } from "./styles.ts";
import { parseWorkbookPart } from "./workbook-part.ts";
import type { WorkbookContext } from "./worksheet.ts";
import { parseWorksheet } from "./worksheet.ts";
import { ZipArchive } from "./zip.ts";

/** Options of {@link readWorkbookBuffer}. */
export interface ReadOptions {
  /** Tighter or looser limits than {@link DEFAULT_LIMITS} (tests use small ones). */
  readonly limits?: Partial<ReaderLimits>;
}

const ODS_MIME = "application/vnd.oasis.opendocument";
const latin1 = new TextDecoder("latin1");

function relationshipsOf(zip: ZipArchive, part: string, limits: ReaderLimits): Relationship[] {
  const bytes = zip.read(relsPartOf(part));
  return bytes ? parseRelationships(bytes, part, limits.maxXmlDepth) : [];
}

/**
 * A part inflating in the background. Its failure is only seen when the part's turn comes; a part
 * whose turn never comes (an earlier sheet was refused) must not end the process with an
 * unhandled rejection, hence the handler that does nothing.
 */
function started(p: Promise<Uint8Array | undefined>): Promise<Uint8Array | undefined> {
  p.catch(() => undefined);
  return p;
}

/** The workbook inside an opened archive. */
async function readPackage(zip: ZipArchive, name: string, limits: ReaderLimits): Promise<WorkbookSnapshot> {
  const mimetype = zip.entry("mimetype");
  if (mimetype && latin1.decode(zip.read("mimetype")?.subarray(0, 64)).startsWith(ODS_MIME))
    throw new ReaderFailure("ods");
  const main = relationshipsOf(zip, "", limits).find((r) => relKind(r.type) === "officeDocument" && !r.external);
  const workbookPart = main?.target ?? (zip.entry("xl/workbook.xml") ? "xl/workbook.xml" : undefined);
  if (workbookPart === undefined) {
    if (!zip.entry("[Content_Types].xml") && zip.entry("content.xml")) throw new ReaderFailure("ods");
    throw new ReaderFailure("corrupt", "no workbook part");
  }
  const workbookBytes = zip.read(workbookPart);
  if (!workbookBytes) throw new ReaderFailure("corrupt", workbookPart);
  const workbook = parseWorkbookPart(workbookBytes, workbookPart, limits.maxXmlDepth);
  const rels = relationshipsOf(zip, workbookPart, limits);
  const byKind = (kind: string): string | undefined => rels.find((r) => relKind(r.type) === kind && !r.external)?.target;

  // The big parts inflate on the thread pool, all started now in the order they are parsed (so
  // the limits trip on the same part as one read after the other would), while this thread
  // parses the parts already inflated.
  const stringsPart = byKind("sharedStrings");
  const stringsBytes = stringsPart ? started(zip.readAsync(stringsPart)) : undefined;
  const stylesPart = byKind("styles");
  const stylesBytes = stylesPart ? started(zip.readAsync(stylesPart)) : undefined;
  const parts: { entry: (typeof workbook.sheets)[number]; rel: Relationship | undefined; bytes?: Promise<Uint8Array | undefined> }[] = [];
  for (const entry of workbook.sheets) {
    const rel = rels.find((r) => r.id === entry.relId);
    // Chart, dialog and macro sheets hold no cells the product reads.
    const bytes = rel && relKind(rel.type) === "worksheet" ? started(zip.readAsync(rel.target)) : undefined;
    parts.push({ entry, rel, bytes });
    // Nothing after a sheet with no part is read: the reader stops there.
    if (!rel) break;
  }

  const strings = await stringsBytes;
  const styles = await stylesBytes;
  const ctx: WorkbookContext = {
    sharedStrings: strings ? parseSharedStrings(strings, stringsPart as string, limits.maxXmlDepth, limits.maxStringLength) : [],
    dateStyles: styles ? parseDateStyles(styles, stylesPart as string, limits.maxXmlDepth) : [],
    date1904: workbook.date1904,
    fullCalcOnLoad: workbook.fullCalcOnLoad,
    limits,
    cells: 0,
  };

  const sheets: SheetSnapshot[] = [];
  for (const { entry, rel, bytes: pending } of parts) {
    if (!rel) throw new ReaderFailure("corrupt", `sheet "${entry.name}" has no part`);
    if (pending === undefined) continue;
    const bytes = await pending;
    if (!bytes) throw new ReaderFailure("corrupt", rel.target);
    const sheet = parseWorksheet(bytes, rel.target, entry.name, ctx);
    if (entry.state === "hidden") sheet.hidden = true;
    else if (entry.state === "veryHidden") sheet.hidden = "very";
    sheets.push(sheet);
  }
  return { origin: "xlsx", name, sheets };
}

/**
 * Reads .xlsx (or .xlsm) bytes into a snapshot. `name` is the file name shown in reports. A
 * readable workbook with no worksheet (only a chart sheet) gives a snapshot with no sheets: the
 * core reports that no sheet was recognised, which is not "damaged".
 * @throws UnreadableWorkbookError when the bytes are not a workbook the reader can or will read.
 */
export async function readWorkbookBuffer(data: Uint8Array | ArrayBuffer, name: string, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const limits: ReaderLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const container = sniffContainer(bytes);
  if (container === "xls" || container === "encrypted") throw new UnreadableWorkbookError(container, name);
  if (container !== "zip") throw new UnreadableWorkbookError("not-xlsx", name);
  try {
    return await readPackage(new ZipArchive(bytes, limits), name, limits);
  } catch (cause) {
    if (cause instanceof ReaderFailure) throw new UnreadableWorkbookError(cause.reason, name, { cause, detail: cause.detail });
    // Anything else (a RangeError from a malformed part, say) is still one line for the user.
    throw new UnreadableWorkbookError("corrupt", name, { cause });
  }
}

/**
 * Reads an .xlsx file into a snapshot named after the file.
 * @throws UnreadableWorkbookError ("missing", "not-a-file", or any reason of {@link readWorkbookBuffer}).
 */
export async function readWorkbookFile(path: string, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const name = basename(path);
  let buf: Buffer;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new UnreadableWorkbookError("not-a-file", name);
    buf = await readFile(path);
  } catch (cause) {
    if (cause instanceof UnreadableWorkbookError) throw cause;
    const code = (cause as { code?: string }).code;
    throw new UnreadableWorkbookError(code === "ENOENT" || code === "ENOTDIR" ? "missing" : "not-a-file", name, { cause });
  }
  return readWorkbookBuffer(buf, name, options);
}

export { UnreadableWorkbookError };
export type { UnreadableReason } from "./errors.ts";
