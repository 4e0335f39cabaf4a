import { describe, expect, it } from "vitest";
import { nightlyMessage } from "#functions/nightly/messages.ts";

describe("nightly run-report messages speak the staff's words", () => {
  it.each([
    ["it", { entity: "project", key: "DGH", version: 3, base: 2 }, "Conflitto su Progetto «DGH»: la riga è cambiata nel cloud (versione 3) dopo la versione 2 del file; non sovrascritta"],
    ["en", { entity: "line", key: "5.1", version: 4, base: 1 }, "Conflict on Line “5.1”: the row changed in the cloud (version 4) after the file's version 1; not overwritten"],
    ["it", { entity: "budget", key: "CLUSTER-2020|coordinator||", version: 2, base: 1 }, "Conflitto su Budget «CLUSTER-2020 · Coordinatore»: la riga è cambiata nel cloud (versione 2) dopo la versione 1 del file; non sovrascritta"],
  ] as const)("a conflict in %s names %j as the sheet does", (locale, params, expected) => {
    expect(nightlyMessage("conflict", locale, params)).toBe(expected);
  });

  it.each([
    ["it", 1, "… e un altro problema"],
    ["it", 4, "… e altri 4 problemi"],
    ["en", 1, "… and one more problem"],
    ["en", 4, "… and 4 more problems"],
  ] as const)("counts the problems left out in %s (%i)", (locale, count, expected) => {
    expect(nightlyMessage("more", locale, { count })).toBe(expected);
  });

  it.each([
    ["it", 1, "1 file; saltati: 1 invariato, 0 senza piano; 1 da guardare"],
    ["it", 2, "2 file; saltati: 2 invariati, 0 senza piano; 1 da guardare"],
    ["en", 1, "1 file; skipped: 1 unchanged, 0 with no plan; 1 needing a person"],
  ] as const)("sums up the night in %s with %i unchanged file(s)", (locale, unchanged, expected) => {
    expect(nightlyMessage("console.summary", locale, { files: unchanged, unchanged, unassigned: 0, attention: 1 })).toBe(expected);
  });

  it("names the sheet kind with its word and counts the kept rows", () => {
    expect(nightlyMessage("missing-sheet", "it", { kind: "project", count: 1 })).toBe(
      "Nessun foglio di tipo «Progetto» riconosciuto: le sue righe non vengono eliminate nel cloud (1 riga conservata)",
    );
    expect(nightlyMessage("held-key", "en", { kind: "priority", count: 2 })).toContain("“Priority” rows held back");
  });
});
