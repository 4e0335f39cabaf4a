/**
 * The block `npm start` prints once ready speaks the person's language (LC_ALL/LANG, else Italian),
 * labels included, and the e2e tests read its labelled lines in either language.
 */
import { describe, expect, it } from "vitest";
import { readyText, type ReadyFacts } from "../../dev/ready-text.ts";
import { parseReady } from "./support/start-process.ts";

const FACTS: ReadyFacts = {
  seconds: 12.34,
  webUrl: "https://localhost:3000",
  apiUrl: "http://127.0.0.1:4300",
  plan: "clust-er-health",
  user: "dev-user",
  token: "tok.en.value",
  data: ".data/dynamodb-local",
  sample: "workbooks/sample.xlsx",
  build: "dist/",
  tls: ".certs/localhost.crt",
  workbooks: "workbooks",
  nextNightly: new Date("2026-12-06T02:30:00Z"),
};

describe("the ready block of npm start", () => {
  it.each([
    [
      "it",
      [
        "è pronto (12.3 s)",
        "  Anteprima:",
        "  Piano:",
        "utente di sviluppo dev-user",
        "ogni giorno alle 03:30",
        "Ctrl-C ferma tutto.",
      ],
      ["Preview:", "dev user", "every day", "stops everything"],
    ],
    [
      "en",
      [
        "is ready (12.3 s)",
        "  Preview:",
        "  Plan:",
        "dev user dev-user",
        "every day at 03:30",
        "Ctrl-C stops everything.",
      ],
      ["Anteprima:", "utente", "ogni giorno", "ferma tutto"],
    ],
  ] as const)("is written in %s, labels included", (lang, present, absent) => {
    // Act
    const text = readyText({ ...FACTS, lang });
    // Assess
    for (const p of present) expect(text).toContain(p);
    for (const a of absent) expect(text).not.toContain(a);
  });

  it.each(["it", "en"] as const)(
    "keeps its labelled lines aligned and readable by the e2e tests (%s)",
    (lang) => {
      // Act
      const text = readyText({ ...FACTS, lang });
      const ready = parseReady(text);
      // Assess
      expect(ready).toMatchObject({ seconds: 12.3, api: FACTS.apiUrl, token: FACTS.token });
      expect(new URL(ready?.preview ?? "").searchParams.get("lang")).toBe(lang);
      const columns = text
        .split("\n")
        .filter((l) => /^ {2}\S[^:]*: +\S/.test(l) && !l.includes("Excel"))
        .map((l) => /: +/.exec(l)!.index + /: +/.exec(l)![0].length);
      expect(columns.length).toBe(10);
      expect(new Set(columns).size).toBe(1);
    },
  );
});
