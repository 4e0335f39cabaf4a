/**
 * The folder source for local runs: `./workbooks/*.xlsx`. The eTag is mtime + size, which
 * changes whenever the file is saved, without reading the file.
 */
import { readFile, readdir, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import type { FetchResult, FolderLocation, WorkbookSource } from "./workbook-source.ts";
import { MAX_WORKBOOK_BYTES, WorkbookFetchError } from "./workbook-source.ts";

/** Workbooks under one folder. */
export class FolderWorkbookSource implements WorkbookSource<FolderLocation> {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The .xlsx files directly in the folder (Excel's `~$` lock files excluded), as locations. */
  async list(): Promise<FolderLocation[]> {
    const names = await readdir(this.root).catch(() => [] as string[]);
    return names
      .filter((name) => name.toLowerCase().endsWith(".xlsx") && !name.startsWith("~$"))
      .sort()
      .map((name) => ({ kind: "folder", path: name }));
  }

  async fetch(location: FolderLocation, lastETag: string | undefined): Promise<FetchResult> {
    const { path, eTag } = await this.inspect(location);
    if (eTag === lastETag) return { status: "unchanged" };
    return { status: "fetched", content: await readFile(path), eTag };
  }

  /** The file's current eTag, without reading it. */
  async eTagOf(location: FolderLocation): Promise<string> {
    return (await this.inspect(location)).eTag;
  }

  private async inspect(location: FolderLocation): Promise<{ path: string; eTag: string }> {
    const path = this.pathOf(location);
    const info = await stat(path).catch((cause: unknown) => {
      throw new WorkbookFetchError("not-found", { key: "detail.not-found", params: { file: location.path } }, { cause });
    });
    if (!info.isFile()) throw new WorkbookFetchError("not-found", { key: "detail.not-a-file", params: { file: location.path } });
    if (info.size > MAX_WORKBOOK_BYTES) throw new WorkbookFetchError("too-large", { key: "detail.size", params: { file: location.path, bytes: info.size, max: MAX_WORKBOOK_BYTES } });
    return { path, eTag: `"${Math.trunc(info.mtimeMs)}-${info.size}"` };
  }

  /** Resolves a location inside the root; a path that climbs out of it is refused. */
  private pathOf(location: FolderLocation): string {
    const path = resolve(join(this.root, location.path));
    const rel = relative(this.root, path);
    if (rel === "" || rel.startsWith("..") || rel.includes(`..${sep}`)) {
      throw new WorkbookFetchError("not-found", { key: "detail.outside-folder", params: { file: location.path, folder: this.root } });
    }
    return path;
  }
}
