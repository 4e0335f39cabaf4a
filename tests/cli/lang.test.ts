/**
 * The CLI's language (SPEC §10, issue #15): `--lang` (else LC_ALL/LANG, else Italian) picks the
 * words printed, `--locale` only how cells are read; display words, never internal codes;
 * plurals; `--version`; `--help` on every command; usage errors wholly in the chosen language.
 * Runs `main` in-process on real .xlsx files (the binary's start-up is tested in cli-binary).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "#cli/main.ts";
import type { ReportJson } from "#core/report/index.ts";
import { OUTCOMES } from "#core/values/vocab.ts";
import { bigDataPlan, messyPlan } from "#samples/seed-workbook.ts";
import { writeXlsx } from "#samples/write-xlsx.ts";
import { outputDir, REPO_ROOT } from "./helpers.ts";

let dir = "";
const TODAY = ["--today", "2022-12-31"];
const NO_ENV = {};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], env: Record<string, string> = NO_ENV): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => (stdout += `${s}\n`), stderr: (s) => (stderr += `${s}\n`), cwd: dir }, env);
  return { code, stdout, stderr };
}

async function json(args: string[], env?: Record<string, string>): Promise<ReportJson> {
  return JSON.parse((await run([...args, "--json", ...TODAY], env)).stdout) as ReportJson;
}

beforeAll(async () => {
  dir = await outputDir("cli-lang");
  await writeXlsx(bigDataPlan(), join(dir, "plan.xlsx"));
  await writeXlsx(messyPlan(), join(dir, "messy.xlsx"));
  await writeXlsx(
    [
      {
        name: "Progetti",
        values: [
          ["Codice", "Acronimo", "Titolo", "Esito"],
          ["P1", "UNO", "Un progetto", "forse"],
        ],
      },
    ],
    join(dir, "one-error.xlsx"),
  );
});

describe("--lang chooses the words, not how cells are read", () => {
  it("reports the same issue cells of an Italian workbook with --lang en, in English", async () => {
    // Act
    const it_ = await json(["validate", "messy.xlsx"]);
    const en = await json(["validate", "messy.xlsx", "--lang", "en"]);
    // Assess
    const cells = (r: ReportJson) => r.issues.map((i) => `${i.severity} ${i.code} ${i.sheet}!${i.cell}`);
    expect(cells(en)).toEqual(cells(it_));
    expect(en.counts).toEqual(it_.counts);
    const negative = (r: ReportJson) => r.issues.find((i) => i.code === "value.negative")?.message;
    expect(negative(en)).toMatch(/^Negative value/);
    expect(negative(it_)).toMatch(/^Valore negativo/);
  });

  it.each([
    [{ LANG: "en_GB.UTF-8" }, [], "en"],
    [{ LANG: "it_IT.UTF-8" }, [], "it"],
    [{ LC_ALL: "it_IT.UTF-8", LANG: "en_US.UTF-8" }, [], "it"],
    [{ LC_ALL: "en_US.UTF-8" }, ["--lang", "it"], "it"],
    [{}, ["--lang=en"], "en"],
    [{ LANG: "C.UTF-8" }, [], "it"],
    [{}, [], "it"],
  ] as const)("environment %j with %j speaks %s", async (env, flags, lang) => {
    const r = await run(["validate", "one-error.xlsx", ...flags], env);
    expect(r.stdout).toContain(lang === "it" ? "1 errore, 0 avvisi" : "1 error, 0 warnings");
  });

  it("says 1 errore / 1 error, never 1 errori or 1 errors", async () => {
    const it_ = await run(["validate", "one-error.xlsx"]);
    const en = await run(["validate", "one-error.xlsx", "--lang", "en"]);
    expect(it_.code).toBe(1);
    expect(it_.stdout.split("\n")[0]).toBe("one-error.xlsx: 1 errore, 0 avvisi");
    expect(en.stdout.split("\n")[0]).toBe("one-error.xlsx: 1 error, 0 warnings");
  });
});

describe("display words, never internal codes", () => {
  it("prints the Italian report of an Italian workbook without outcome codes, row keys or n/d", async () => {
    const r = await run(["report", "plan.xlsx", ...TODAY]);
    expect(r.stdout).toMatch(/DigitalGreenHealth\s+5\.2\s+in attesa di valutazione\s+6\s+6\s+Presentato\s+€ 499\.875,00/);
    for (const code of OUTCOMES.filter((o) => o.includes("-"))) expect(r.stdout).not.toContain(code);
    expect(r.stdout).not.toMatch(/\|/);
    expect(r.stdout).not.toContain("n/d");
    expect(r.stdout).toContain("Riepilogo per esito");
  });

  it("prints English words with --lang en and keeps the codes in the JSON contract", async () => {
    const r = await run(["report", "plan.xlsx", "--lang", "en", ...TODAY]);
    expect(r.stdout).toMatch(/DigitalGreenHealth\s+5\.2\s+under evaluation\s+6\s+6\s+Submitted\s+€499,875\.00/);
    const report = await json(["report", "plan.xlsx", "--lang", "en"]);
    expect(report.projects.find((p) => p.acronym === "DigitalGreenHealth")?.outcome).toBe("under-evaluation");
  });
});

describe("--version and --help", () => {
  it("prints the package version", async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    const r = await run(["--version"]);
    expect(r).toEqual({ code: 0, stdout: `actionplan ${version}\n`, stderr: "" });
  });

  it.each([
    "validate",
    "report",
    "sync",
    "members",
    "members list",
    "members set",
    "members remove",
    "plans",
    "plans create",
    "workbooks",
    "workbooks list",
    "workbooks add",
    "workbooks remove",
    "movement",
    "serve",
  ])(
    "%s --help prints its usage in both languages",
    async (command) => {
      const words = command.split(" ");
      const name = words[0] ?? "";
      const it_ = await run([...words, "--help"]);
      const en = await run([...words, "-h", "--lang", "en"]);
      expect(it_).toMatchObject({ code: 0, stderr: "" });
      expect(it_.stdout).toMatch(new RegExp(`^Uso: actionplan ${name}`));
      expect(en).toMatchObject({ code: 0, stderr: "" });
      expect(en.stdout).toMatch(new RegExp(`^Usage: actionplan ${name}`));
    },
  );

  it("lists --lang, --locale and --version in the main help", async () => {
    const r = await run(["--help", "--lang", "en"]);
    for (const w of ["--lang it|en", "--locale it|en", "--version", "members", "serve"]) expect(r.stdout).toContain(w);
  });
});

describe("usage errors wholly in the chosen language", () => {
  it.each([
    [["validate", "plan.xlsx", "--bogus"], "it", "actionplan: errore: opzione sconosciuta --bogus (vedi actionplan validate --help)"],
    [["validate", "plan.xlsx", "--bogus", "--lang", "en"], "en", "actionplan: error: unknown option --bogus (see actionplan validate --help)"],
    [["report", "plan.xlsx", "--locale"], "it", "actionplan: errore: l'opzione --locale richiede un valore (vedi actionplan report --help)"],
    [["validate", "plan.xlsx", "--json=yes"], "it", "actionplan: errore: l'opzione --json non accetta valori (vedi actionplan validate --help)"],
    [["validate", "plan.xlsx", "--lang", "fr"], "it", 'actionplan: errore: lingua "fr" non supportata: usare --lang it o --lang en'],
    [["members", "list", "--lang", "en"], "en", "actionplan: error: missing --plan <id> (see actionplan members --help)"],
    [["members", "--plan", "p"], "it", "actionplan: errore: scegliere list | set | remove (vedi actionplan members --help)"],
  ] as const)("%j prints one %s line", async (args, _lang, line) => {
    const r = await run([...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`${line}\n`);
    expect(r.stderr).not.toMatch(/Unknown option|argument missing|does not take/);
  });
});
