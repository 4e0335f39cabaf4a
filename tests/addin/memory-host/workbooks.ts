/** The small workbook the memory-host tests open, and how they open it. */
import { createFakeExcel, type FakeExcelHost, type SeedSheet } from "#addin/memory-host/host.ts";
import type { HostProfile } from "#addin/memory-host/profile.ts";

/** A plan sheet with a heading row and one project (A1:B2). */
export const PLAN: SeedSheet = {
  name: "Progetti",
  values: [
    ["Codice", "Acronimo"],
    ["P1", "DGH"],
  ],
};

/** A host over `sheets`, playing `profile` (default: Microsoft 365 on Windows). */
export function open(sheets: SeedSheet[], profile?: HostProfile): FakeExcelHost {
  return createFakeExcel(profile === undefined ? { sheets } : { sheets, profile });
}
