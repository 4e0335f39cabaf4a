/**
 * Where the nightly job gets saved workbooks from, behind one interface: Microsoft Graph in the
 * cloud (SharePoint/OneDrive drive items), a folder for local runs and tests.
 */
import { DetailedError, type FetchDetail } from "./fetch-detail.ts";

/** A SharePoint/OneDrive file: `GET /drives/{driveId}/items/{itemId}/content`. */
export interface GraphLocation {
  readonly kind: "graph";
  readonly driveId: string;
  readonly itemId: string;
}

/** A file under the folder source's root (relative path, e.g. `plan-2024.xlsx`). */
export interface FolderLocation {
  readonly kind: "folder";
  readonly path: string;
}

export type WorkbookLocation = GraphLocation | FolderLocation;

/** What a fetch found. */
export type FetchResult =
  /** The file has the eTag of the last successful run: nothing to do. */
  | { readonly status: "unchanged" }
  /** The file's bytes and its current eTag (to remember after a successful run). */
  | { readonly status: "fetched"; readonly content: Uint8Array; readonly eTag: string };

/** A fetch failed for a reason worth reporting (not found, access denied, gave up retrying). */
export class WorkbookFetchError extends DetailedError {
  override readonly name = "WorkbookFetchError";
  constructor(
    /** Stable code for the run report's message catalogue. */
    readonly code: "not-found" | "access-denied" | "unavailable" | "too-large" | "unreadable",
    detail: FetchDetail,
    options?: { cause?: unknown },
  ) {
    super(detail, options);
  }
}

/** Reads workbooks of one location kind. */
export interface WorkbookSource<L extends WorkbookLocation = WorkbookLocation> {
  /**
   * Fetches a workbook unless its eTag is still `lastETag`.
   * @throws WorkbookFetchError when the file cannot be fetched
   */
  fetch(location: L, lastETag: string | undefined): Promise<FetchResult>;
}

/** Largest workbook the job reads (a 10 000-project plan is a few MB; this leaves room). */
export const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;
