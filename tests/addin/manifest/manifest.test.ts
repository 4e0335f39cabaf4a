/**
 * manifest.xml checked offline with a real XML parser: well-formed, one shared runtime with the
 * same resid everywhere, the CLUSTER custom functions, https URLs that resolve to resources,
 * Italian overrides, string lengths, icons that exist. (`npm run validate:manifest` adds
 * Microsoft's online validation.)
 */
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OfficeAddinManifest } from "office-addin-manifest";
import { compareVersions, HOST_PROFILES } from "#addin/memory-host/profile.ts";
import { at, findAll, parseXml, type XmlElement } from "./xml-tree.ts";

const ROOT = join(import.meta.dirname, "../../..");
const MANIFEST = join(ROOT, "manifest.xml");
const xml = await readFile(MANIFEST, "utf8");
const doc = parseXml(xml);
const overrides = at(doc, "VersionOverrides") as XmlElement;
const host = at(overrides, "Hosts/Host") as XmlElement;
const resources = at(overrides, "Resources") as XmlElement;

const resourceIds = (kind: string): Map<string, XmlElement> =>
  new Map(
    findAll(
      at(resources, kind) as XmlElement,
      kind === "Images" ? "Image" : kind === "Urls" ? "Url" : "String",
    ).map((e) => [e.attrs.id ?? "", e]),
  );
const urls = resourceIds("Urls");
const images = resourceIds("Images");
const shortStrings = resourceIds("ShortStrings");
const longStrings = resourceIds("LongStrings");
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The manifest's `<Requirements><Sets>`: set name → MinVersion. */
function requirementSets(): Record<string, string> {
  const sets = findAll(at(doc, "Requirements") as XmlElement, "Set");
  return Object.fromEntries(sets.map((s) => [s.attrs.Name ?? "", s.attrs.MinVersion ?? ""]));
}

/** Every resid used outside the Resources block. */
function residsUsed(el: XmlElement): string[] {
  const out: string[] = [];
  const visit = (e: XmlElement): void => {
    if (e.name === "Resources") return;
    if (e.attrs.resid !== undefined) out.push(e.attrs.resid);
    e.children.forEach(visit);
  };
  visit(el);
  return out;
}

describe("manifest.xml", () => {
  it("is well-formed and read by office-addin-manifest as our add-in", async () => {
    // Act
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    // Assess
    expect(doc.name).toBe("OfficeApp");
    expect(doc.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(info.id).toMatch(GUID);
    expect(info.defaultLocale).toBe("en-US");
    expect(info.hosts).toEqual(["Workbook"]);
  });

  it("runs the task pane and the custom functions in one long-lived shared runtime", () => {
    const runtimes = findAll(host, "Runtime");
    expect(runtimes).toHaveLength(1);
    const runtime = runtimes[0] as XmlElement;
    expect(runtime.attrs).toMatchObject({ resid: "Taskpane.Url", lifetime: "long" });
    const cf = findAll(host, "ExtensionPoint").find(
      (e) => e.attrs["xsi:type"] === "CustomFunctions",
    ) as XmlElement;
    expect(at(cf, "Page/SourceLocation")?.attrs.resid).toBe(runtime.attrs.resid);
    expect(at(host, "DesktopFormFactor/FunctionFile")?.attrs.resid).toBe(runtime.attrs.resid);
    const button = findAll(host, "Action").find((a) => a.attrs["xsi:type"] === "ShowTaskpane") as XmlElement;
    expect(at(button, "SourceLocation")?.attrs.resid).toBe(runtime.attrs.resid);
  });

  /**
   * What the add-in calls without asking `isSetSupported` first, the set each call needs (the
   * member's "API set" remark on learn.microsoft.com) and a file that makes the call: an Excel
   * lacking the set must not install the add-in.
   */
  const UNCONDITIONAL = [
    ["ExcelApi", "1.13", "addin/excel/read-snapshot.ts", "getMergedAreasOrNullObject"],
    ["CustomFunctionsRuntime", "1.2", "addin/functions/cell-error.ts", "runtime().Error"],
    ["SharedRuntime", "1.1", "manifest.xml", 'lifetime="long"'],
  ] as const;

  it.each(UNCONDITIONAL)("declares %s %s, which %s uses unconditionally (%s)", async (set, version, file, use) => {
    expect(await readFile(join(ROOT, file), "utf8")).toContain(use);
    const declared = requirementSets()[set];
    expect(declared, set).toBeDefined();
    expect(compareVersions(declared ?? "0", version)).toBeGreaterThanOrEqual(0);
  });

  it("declares exactly the sets of the memory host's minimum profile, the Excel the critical paths run on last", () => {
    expect(requirementSets()).toEqual(HOST_PROFILES.minimum.sets);
  });

  it("declares the CLUSTER functions with script, page and metadata URLs", () => {
    const cf = findAll(host, "ExtensionPoint").find(
      (e) => e.attrs["xsi:type"] === "CustomFunctions",
    ) as XmlElement;
    const url = (path: string): string | undefined =>
      urls.get(at(cf, path)?.attrs.resid ?? "")?.attrs.DefaultValue;
    expect(url("Script/SourceLocation")).toMatch(/\/functions\.js$/);
    expect(url("Metadata/SourceLocation")).toMatch(/\/functions\.json$/);
    // Italian Excel reads the Italian metadata the build emits (dist/functions.it.json).
    const metadata = urls.get(at(cf, "Metadata/SourceLocation")?.attrs.resid ?? "");
    const italian = metadata?.children.find((c) => c.name === "Override" && c.attrs.Locale === "it-IT");
    expect(italian?.attrs.Value).toMatch(/\/functions\.it\.json$/);
    expect(url("Page/SourceLocation")).toMatch(/\/taskpane\.html$/);
    expect(shortStrings.get(at(cf, "Namespace")?.attrs.resid ?? "")?.attrs.DefaultValue).toBe("CLUSTER");
  });

  it("resolves every resid to a resource of the right kind", () => {
    const known = new Set([...urls.keys(), ...images.keys(), ...shortStrings.keys(), ...longStrings.keys()]);
    expect(residsUsed(overrides).filter((r) => !known.has(r))).toEqual([]);
    for (const img of findAll(host, "Image")) expect(images.has(img.attrs.resid ?? "")).toBe(true);
  });

  it("uses https for every URL", () => {
    const all = [
      ...findAll(doc, "SourceLocation"),
      ...findAll(doc, "IconUrl"),
      ...findAll(doc, "HighResolutionIconUrl"),
      ...findAll(doc, "SupportUrl"),
      ...urls.values(),
      ...images.values(),
    ]
      .map((e) => e.attrs.DefaultValue)
      .filter((v): v is string => v !== undefined);
    expect(all.length).toBeGreaterThan(8);
    expect(all.filter((u) => !u.startsWith("https://"))).toEqual([]);
    expect(
      findAll(doc, "AppDomain")
        .map((d) => d.text)
        .filter((u) => !u.startsWith("https://")),
    ).toEqual([]);
  });

  it("has Italian overrides for the name, the description and every string", () => {
    const italian = (e: XmlElement | undefined): string | undefined =>
      e?.children.find((c) => c.name === "Override" && c.attrs.Locale === "it-IT")?.attrs.Value;
    expect(italian(at(doc, "DisplayName"))).toBeTruthy();
    expect(italian(at(doc, "Description"))).toBeTruthy();
    const userFacing = [...shortStrings.values(), ...longStrings.values()].filter(
      (s) => s.attrs.id !== "Functions.Namespace",
    );
    expect(userFacing.filter((s) => !italian(s)).map((s) => s.attrs.id)).toEqual([]);
  });

  it.each([
    ["DisplayName", 125],
    ["Description", 250],
  ])("keeps %s and its overrides within %i characters", (name, max) => {
    const el = at(doc, name) as XmlElement;
    const texts = [el.attrs.DefaultValue ?? "", ...el.children.map((c) => c.attrs.Value ?? "")];
    for (const t of texts) {
      expect(t.length).toBeGreaterThan(0);
      expect(t.length).toBeLessThanOrEqual(max);
    }
  });

  it.each([
    ["ShortStrings", 125, shortStrings],
    ["LongStrings", 250, longStrings],
  ] as const)("keeps %s within %i characters", (_, max, strings) => {
    for (const s of strings.values()) {
      for (const t of [s.attrs.DefaultValue ?? "", ...s.children.map((c) => c.attrs.Value ?? "")]) {
        expect(t.length).toBeGreaterThan(0);
        expect(t.length).toBeLessThanOrEqual(max);
      }
    }
  });

  it("uses a GUID id and points its icons at PNGs of the named size in addin/assets", async () => {
    expect(at(doc, "Id")?.text).toMatch(GUID);
    for (const img of images.values()) {
      const url = img.attrs.DefaultValue ?? "";
      const file = join(ROOT, "addin/assets", url.slice(url.lastIndexOf("/") + 1));
      const png = await readFile(file);
      const size = Number(/(\d+)x\d+$/.exec(img.attrs.id ?? "")?.[1]);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(size);
      expect((await stat(file)).size).toBeLessThan(2_048);
    }
  });
});
