/**
 * Dependencies a Lambda pulls in through a library's top-level `require`s but never calls, and
 * that would push its bundle past the 1 MB bar of SPEC §11. They are replaced by an empty module
 * at bundle time (esbuild `alias`).
 *
 * ExcelJS requires its streaming writer (archiver), streaming reader (unzipper; not tmp, which it calls at load) and CSV
 * support (fast-csv) when loaded; reading a workbook from a buffer (`xlsx.load`, which is all
 * the nightly job does) uses JSZip and saxes only. tests/infra/bundle-stubs.test.ts reads a real
 * workbook through a bundle built with these stubs.
 */
import { fileURLToPath } from "node:url";

/** Modules the ExcelJS buffer reader never calls. */
export const EXCELJS_READ_ONLY_STUBS: readonly string[] = ["archiver", "unzipper", "fast-csv"];

/** The empty module stubs resolve to. */
export const EMPTY_MODULE = fileURLToPath(new URL("./empty-module.mjs", import.meta.url));

/** esbuild `alias` entries replacing each module by the empty one. */
export function stubAliases(modules: readonly string[]): Record<string, string> {
  return Object.fromEntries(modules.map((name) => [name, EMPTY_MODULE]));
}
