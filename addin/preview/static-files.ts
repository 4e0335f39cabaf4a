/**
 * What both static servers (the preview server for tests and bench, and `npm start`'s dev server)
 * share: content types, and mapping a request URL to a file under the served root without path
 * escapes. "/" is the preview page. Dev and test only.
 */
import { extname, normalize, resolve, sep } from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/** The content type for a served file name. */
export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file)] ?? "application/octet-stream";
}

/**
 * The file a request URL names under `root` (an absolute, resolved folder), or the HTTP status to
 * refuse it with: 400 for a malformed URL, 403 for a path that escapes the root.
 */
export function resolveStaticPath(root: string, url: string | undefined): { file: string; path: string } | { status: 400 | 403 } {
  let path: string;
  try {
    path = normalize(decodeURIComponent(new URL(url ?? "/", "http://x").pathname)).replace(/^[/\\]+/, "");
  } catch {
    return { status: 400 };
  }
  const file = resolve(root, path || "preview.html");
  if (file !== root && !file.startsWith(root + sep)) return { status: 403 };
  return { file, path };
}
