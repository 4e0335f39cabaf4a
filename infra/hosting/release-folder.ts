/**
 * Reads the release folder the hosting stack deploys (written by `npm run release`): its
 * `release.json` says which API the pages call (for the CSP) and which origin it was built for.
 * Synthesis runs on a developer's machine, so reading a local folder here is fine.
 */
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";

/** What the hosting stack needs to know of a release. */
export interface ReleaseFolder {
  /** Absolute path of the folder. */
  readonly path: string;
  readonly origin: string;
  readonly api: string;
  readonly version: string;
}

/** The release folder is there but is not a release (the hosting stack refuses to ship it). */
export class ReleaseFolderError extends Error {
  override readonly name = "ReleaseFolderError";
}

/**
 * The release at `dir` (relative to `root`), or undefined when none has been built yet.
 *
 * @example
 * const release = readReleaseFolder("release", process.cwd());
 */
export function readReleaseFolder(dir: string, root: string): ReleaseFolder | undefined {
  const path = isAbsolute(dir) ? dir : resolve(root, dir);
  const infoPath = join(path, "release.json");
  if (!existsSync(path)) return undefined;
  if (!existsSync(infoPath) || !existsSync(join(path, "manifest.xml")))
    throw new ReleaseFolderError(`${path} holds no release.json and manifest.xml: build it with npm run release`);
  let info: unknown;
  try {
    info = JSON.parse(readFileSync(infoPath, "utf8"));
  } catch {
    throw new ReleaseFolderError(`${infoPath} is not JSON: build the release again with npm run release`);
  }
  const i = info as Partial<Record<"origin" | "api" | "version", unknown>> | null;
  if (typeof i?.origin !== "string" || typeof i.api !== "string" || typeof i.version !== "string")
    throw new ReleaseFolderError(`${infoPath} lacks origin, api or version: build the release again with npm run release`);
  return { path, origin: i.origin, api: i.api, version: i.version };
}
