/**
 * Writes the benchmark workbook: `tsx bench/write-large-workbook.ts <path> <projects>`. core.bench.ts
 * runs it in a child process so that ExcelJS's garbage from writing it is not collected in the
 * middle of the figures the bench then takes in its own process ("core alone").
 */
import { largeWorkbook } from "#samples/large-workbook.ts";
import { writeXlsx } from "#samples/write-xlsx.ts";

const [path, projects] = process.argv.slice(2);
if (path === undefined || projects === undefined) throw new Error("usage: write-large-workbook.ts <path> <projects>");
await writeXlsx(largeWorkbook({ projects: Number(projects) }), path);
