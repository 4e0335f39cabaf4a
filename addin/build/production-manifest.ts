/**
 * The production manifest, derived from the repository's manifest.xml (so whatever is added
 * there — requirements, locale overrides, new URLs — flows into every release): each development
 * URL moves to the release origin, the support page and the version are set, and the
 * development-only comment goes. Pure text in, text out.
 */

/** The development origin manifest.xml is written for (`npm start` serves it). */
const DEV_ORIGIN = /https:\/\/localhost(?::\d+)?/g;

/** What a production manifest is made for. */
export interface ManifestTarget {
  /** https origin the add-in is served from. */
  readonly origin: string;
  /** Support page (the `SupportUrl`). */
  readonly supportUrl: string;
  /** package.json version, e.g. "0.1.0" (the manifest wants four parts: "0.1.0.0"). */
  readonly version: string;
}

/** The manifest cannot be made for this release (a bug in manifest.xml or the version). */
export class ManifestRewriteError extends Error {
  override readonly name = "ManifestRewriteError";
}

/**
 * "1.2.3" → "1.2.3.0": the manifest's `<Version>` is up to four numbers, each ≤ 65535;
 * a pre-release tag ("1.2.3-rc.1") cannot be expressed there and is refused.
 */
export function manifestVersion(version: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:\.(\d+))?$/.exec(version.trim());
  if (m === null) throw new ManifestRewriteError(`package.json version "${version}" is not n.n.n (the manifest needs numbers only)`);
  const parts = [m[1], m[2], m[3], m[4] ?? "0"].map(Number);
  if (parts.some((n) => n > 65535)) throw new ManifestRewriteError(`version "${version}" has a part over 65535`);
  return parts.join(".");
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/**
 * The production manifest text for `target`.
 *
 * @example
 * productionManifest(await readFile("manifest.xml", "utf8"), { origin: "https://addin.example.org", supportUrl: "https://addin.example.org/support.html", version: "0.1.0" })
 */
export function productionManifest(manifest: string, target: ManifestTarget): string {
  let out = manifest
    // Comments describe the development setup; a tenant's admin reads the deployed file.
    .replace(/<!--[\s\S]*?-->\s*/g, "")
    .replace(DEV_ORIGIN, target.origin);
  const version = manifestVersion(target.version);
  if (!/<Version>[^<]*<\/Version>/.test(out)) throw new ManifestRewriteError("manifest.xml has no <Version>");
  out = out.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
  if (!/<SupportUrl\b[^>]*\/>/.test(out)) throw new ManifestRewriteError("manifest.xml has no <SupportUrl/>");
  out = out.replace(/<SupportUrl\b[^>]*\/>/, `<SupportUrl DefaultValue="${escapeAttr(target.supportUrl)}" />`);
  if (/localhost|127\.0\.0\.1/i.test(out))
    throw new ManifestRewriteError("the production manifest still names localhost (a URL manifest.xml writes differently)");
  return out;
}
