/**
 * Limits that keep a hostile file (zip bomb, billion laughs, a sheet of a million cells) from
 * exhausting the nightly Lambda's memory or time. A plan workbook is far inside every one: the
 * 10 000-project / 40 000-budget-row benchmark workbook has about 420 000 cells and 15 MB of XML.
 */
export interface ReaderLimits {
  /** Entries in the zip archive. */
  readonly maxEntries: number;
  /** Uncompressed bytes of all the parts the reader inflates, together. */
  readonly maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed size of one part, checked on parts above 1 MB uncompressed. */
  readonly maxCompressionRatio: number;
  /** Nesting depth of XML elements (a worksheet needs about 7). */
  readonly maxXmlDepth: number;
  /** Cells of the whole workbook's grids (every row counted up to its last value). */
  readonly maxCells: number;
  /** Characters of one text (Excel's own cell limit). */
  readonly maxStringLength: number;
}

/** The limits the CLI and the nightly job use. */
export const DEFAULT_LIMITS: ReaderLimits = {
  maxEntries: 10_000,
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxXmlDepth: 64,
  maxCells: 1_000_000,
  maxStringLength: 32_767,
};

/** Parts smaller than this may compress as well as they like (a sheet of empty styled rows does). */
export const RATIO_FLOOR_BYTES = 1024 * 1024;
