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
  data: { persistent: ".data/dynamodb-local" },
  sample: { path: "workbooks/sample.xlsx", imported: 38 },
  build: { built: true, dir: "dist", reason: { changed: true }, seconds: 4.25 },
  tls: { kind: "office-addin-dev-certs", cert: Buffer.from(""), key: Buffer.from("") },
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

  it.each([
    ["it", [".data/dynamodb-local/ (persistenti)", "workbooks/sample.xlsx (38 righe importate)", "dist compilata (sorgenti cambiate dall'ultima compilazione) in 4.3 s", "HTTPS con il certificato localhost di office-addin-dev-certs"]],
    ["en", [".data/dynamodb-local/ (persistent)", "workbooks/sample.xlsx (38 rows imported)", "built dist (sources changed since the last build) in 4.3 s", "HTTPS with the office-addin-dev-certs localhost certificate"]],
  ] as const)("says where the data is, what was imported and built, and how it is served in %s", (lang, values) => {
    // Act
    const text = readyText({ ...FACTS, lang });
    // Assess
    for (const v of values) expect(text).toContain(v);
  });

  it.each([
    ["it", { data: {}, sample: { path: "s.xlsx", imported: 1 }, build: { built: false }, tls: { kind: "self-signed", certPath: "c.crt" } }, ["in memoria (persi all'arresto)", "s.xlsx (1 riga importata)", "dist/ è aggiornata", "autofirmato (c.crt)"]],
    ["en", { data: {}, sample: { path: "s.xlsx" }, build: { built: true, dir: "d", reason: { missing: "taskpane.js" }, seconds: 1 }, tls: { kind: "http", opensslError: "spawn openssl ENOENT" } }, ["in memory (gone when stopped)", "s.xlsx (plan already present)", "built d (taskpane.js missing) in 1.0 s", "openssl unavailable: spawn openssl ENOENT"]],
  ] as const)("words the other cases in %s too", (lang, facts, values) => {
    const text = readyText({ ...FACTS, ...facts, lang } as ReadyFacts);
    for (const v of values) expect(text).toContain(v);
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
