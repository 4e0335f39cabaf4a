/**
 * The settings of one release (`npm run release -- --origin … --api … --tenant … --client-id …`
 * or `--config <file.json>` with the same keys): parsed and checked as plain values, so every
 * missing or malformed value is named in one line before anything is built.
 */

/** What a release is built for. */
export interface ReleaseConfig {
  /** Where the add-in is served: an https origin, no path (`https://addin.example.org`). */
  readonly origin: string;
  /** Base URL of the sync API (https, no trailing slash). */
  readonly api: string;
  /** Entra ID directory (tenant) id. */
  readonly tenant: string;
  /** The add-in's Entra ID application (client) id. */
  readonly clientId: string;
  /** The API scope the add-in asks for (default `api://<client-id>/access_as_user`). */
  readonly scope: string;
  /** The manifest's support page (default `<origin>/support.html`, shipped in the release). */
  readonly supportUrl: string;
  /** Output folder (default `release`). */
  readonly out: string;
}

/** The release settings are missing or malformed; `problems` names each key. */
export class ReleaseConfigError extends Error {
  override readonly name = "ReleaseConfigError";
  constructor(readonly problems: readonly ReleaseProblem[]) {
    super(problems.map((p) => `${p.kind} --${p.key}`).join(", "));
  }
}

/** One bad key: missing, malformed (with the rule it breaks) or unknown. */
export interface ReleaseProblem {
  readonly kind: "missing" | "malformed" | "unknown";
  readonly key: string;
  readonly rule?: RuleId;
}

type RuleId = "https-origin" | "https-url" | "guid" | "scope" | "no-localhost" | "json-file" | "text";

const KEYS = ["origin", "api", "tenant", "client-id", "scope", "support-url", "out", "config"] as const;
type Key = (typeof KEYS)[number];
const REQUIRED: readonly Key[] = ["origin", "api", "tenant", "client-id"];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** One scope: no spaces (MSAL takes a list; a release asks for one API scope). */
const SCOPE = /^\S{3,200}$/;

/** The raw key/value pairs of the command line (`--key value` or `--key=value`). */
export function parseArgs(argv: readonly string[]): { values: Map<string, string>; problems: ReleaseProblem[] } {
  const values = new Map<string, string>();
  const problems: ReleaseProblem[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (m === null) {
      problems.push({ kind: "unknown", key: arg.replace(/^-+/, "") || arg });
      continue;
    }
    const key = m[1] ?? "";
    let value = m[2];
    if (value === undefined) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith("--")) {
        value = next;
        i++;
      } else value = "";
    }
    if (!(KEYS as readonly string[]).includes(key)) problems.push({ kind: "unknown", key });
    else values.set(key, value);
  }
  return { values, problems };
}

function isLocal(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || /^127\./.test(host) || host === "::1" || host === "0.0.0.0";
}

function httpsUrl(raw: string): URL | RuleId {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "https-url";
  }
  if (url.protocol !== "https:" || url.username !== "" || url.password !== "") return "https-url";
  if (isLocal(url)) return "no-localhost";
  return url;
}

/**
 * Checks the values (from the command line, else the JSON file's same-named keys; `clientId`
 * and `supportUrl` are accepted in the file too) and returns the config, or throws
 * `ReleaseConfigError` naming every bad key. `fileValues` is the parsed `--config` file, if any.
 */
export function releaseConfig(
  cli: ReadonlyMap<string, string>,
  fileValues: Readonly<Record<string, unknown>> = {},
  earlier: readonly ReleaseProblem[] = [],
): ReleaseConfig {
  const problems: ReleaseProblem[] = [...earlier];
  const camel = (k: string): string => k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const raw = (key: Key): string | undefined => {
    const fromCli = cli.get(key);
    if (fromCli !== undefined) return fromCli.trim();
    const fromFile = fileValues[key] ?? fileValues[camel(key)];
    if (fromFile === undefined) return undefined;
    if (typeof fromFile !== "string") {
      problems.push({ kind: "malformed", key, rule: "text" });
      return "";
    }
    return fromFile.trim();
  };
  for (const key of Object.keys(fileValues))
    if (!(KEYS as readonly string[]).includes(key) && !KEYS.map(camel).includes(key) && key !== "$schema")
      problems.push({ kind: "unknown", key });
  const value = (key: Key): string | undefined => {
    const v = raw(key);
    if ((v === undefined || v === "") && REQUIRED.includes(key)) {
      if (!problems.some((p) => p.key === key)) problems.push({ kind: "missing", key });
      return undefined;
    }
    return v === "" ? undefined : v;
  };

  let origin = "";
  const originRaw = value("origin");
  if (originRaw !== undefined) {
    const url = httpsUrl(originRaw);
    if (typeof url === "string") problems.push({ kind: "malformed", key: "origin", rule: url === "https-url" ? "https-origin" : url });
    else if ((url.pathname !== "/" && url.pathname !== "") || url.search !== "" || url.hash !== "")
      problems.push({ kind: "malformed", key: "origin", rule: "https-origin" });
    else origin = url.origin;
  }
  let api = "";
  const apiRaw = value("api");
  if (apiRaw !== undefined) {
    const url = httpsUrl(apiRaw);
    if (typeof url === "string" || url.search !== "" || url.hash !== "")
      problems.push({ kind: "malformed", key: "api", rule: typeof url === "string" ? url : "https-url" });
    else api = url.href.replace(/\/+$/, "");
  }
  const guid = (key: Key): string => {
    const v = value(key);
    if (v === undefined) return "";
    if (!GUID.test(v)) {
      problems.push({ kind: "malformed", key, rule: "guid" });
      return "";
    }
    return v.toLowerCase();
  };
  const tenant = guid("tenant");
  const clientId = guid("client-id");
  const scopeRaw = value("scope");
  if (scopeRaw !== undefined && !SCOPE.test(scopeRaw)) problems.push({ kind: "malformed", key: "scope", rule: "scope" });
  let supportUrl = origin === "" ? "" : `${origin}/support.html`;
  const supportRaw = value("support-url");
  if (supportRaw !== undefined) {
    const url = httpsUrl(supportRaw);
    if (typeof url === "string") problems.push({ kind: "malformed", key: "support-url", rule: url });
    else supportUrl = url.href;
  }
  const out = value("out") ?? "release";

  if (problems.length > 0) throw new ReleaseConfigError(problems);
  return {
    origin,
    api,
    tenant,
    clientId,
    scope: scopeRaw ?? `api://${clientId}/access_as_user`,
    supportUrl,
    out,
  };
}

const RULES: Record<RuleId, { it: string; en: string }> = {
  "https-origin": { it: "un'origine https, senza percorso", en: "an https origin, without a path" },
  "https-url": { it: "un indirizzo https", en: "an https URL" },
  guid: { it: "un GUID", en: "a GUID" },
  scope: { it: "un solo scope, senza spazi", en: "one scope, without spaces" },
  "no-localhost": { it: "non localhost", en: "not localhost" },
  "json-file": { it: "un file JSON leggibile con un oggetto", en: "a readable JSON file holding an object" },
  text: { it: "un testo", en: "a text" },
};

/**
 * The one line printed for a bad configuration, in Italian or English.
 *
 * @example
 * problemLine([{ kind: "missing", key: "tenant" }], "en") // "release: missing --tenant (usage: …)"
 */
export function problemLine(problems: readonly ReleaseProblem[], lang: "it" | "en"): string {
  const words = {
    it: { missing: "manca", malformed: "non valido", unknown: "opzione sconosciuta", must: "deve essere" },
    en: { missing: "missing", malformed: "malformed", unknown: "unknown option", must: "must be" },
  }[lang];
  const parts = problems.map((p) =>
    p.kind === "malformed" && p.rule !== undefined
      ? `${words.malformed} --${p.key} (${words.must} ${RULES[p.rule][lang]})`
      : `${words[p.kind]} --${p.key}`,
  );
  const usage =
    "npm run release -- --origin <https> --api <https> --tenant <guid> --client-id <guid> [--scope <scope>] [--support-url <https>] [--out <dir>] | --config <file.json>";
  return `release: ${parts.join("; ")} (${lang === "it" ? "uso" : "usage"}: ${usage})`;
}
