/**
 * Writes the line codes the core assigned (`<priority>.<n>`, SPEC §3) into the sheet so the
 * identities stay stable: into the code column when the sheet has one, else in front of the
 * title ("5.1 Big Data …"), which the reader understands as a code inside the title.
 */
import { toA1 } from "#core/values/index.ts";
import type { Analysis } from "../analysis.ts";
import type { CellWrite } from "../services.ts";

export function assignCodeWrites(analysis: Analysis): CellWrite[] {
  const bySheet = new Map(analysis.recognized.map((s) => [s.name, s.columns]));
  const writes: CellWrite[] = [];
  for (const line of analysis.plan.lines) {
    if (line.codeAssigned !== true || line.source === undefined) continue;
    const columns = bySheet.get(line.source.sheet);
    if (columns === undefined) continue;
    const code = columns["code"];
    const title = columns["title"];
    if (code !== undefined)
      writes.push({ sheet: line.source.sheet, cell: toA1(line.source.row, code.col), value: line.code });
    else if (title !== undefined)
      writes.push({
        sheet: line.source.sheet,
        cell: toA1(line.source.row, title.col),
        value: `${line.code} ${line.title}`,
      });
  }
  return writes;
}
