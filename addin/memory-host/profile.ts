/**
 * Which Excel the in-memory host plays: a platform and the requirement sets it supports.
 * The add-in's tests run its critical paths on each profile (tests/addin/excel/hosts.test.ts).
 *
 * Levels from Microsoft's "Excel JavaScript API requirement sets" page
 * (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets):
 * Excel on the web and Microsoft 365 carry the latest ExcelApi (1.20 as of 2026); Office 2021
 * (volume/retail perpetual) stops at ExcelApi 1.14; Office 2019 at ExcelApi 1.8.
 */

/** `Office.context.platform` values the add-in looks at. */
export type HostPlatform = "OfficeOnline" | "PC" | "Mac";

export interface HostProfile {
  /** For test names and messages. */
  label: string;
  platform: HostPlatform;
  /** Highest version of each requirement set, e.g. `{ ExcelApi: "1.14" }`; absent sets are unsupported. */
  sets: Readonly<Record<string, string>>;
  /**
   * Cells one request or response may carry before Excel refuses it. Excel on the web limits
   * payloads to 5 MB each way ("Resource limits and performance optimization for Office
   * Add-ins"); at ~16 bytes per cell in JSON that is ~327 000 cells. Undefined: no limit (desktop).
   */
  payloadLimitCells?: number;
}

/** 5 MB at ~16 bytes per cell (the adapter budgets 262 144 cells per sync to stay below it). */
export const WEB_PAYLOAD_LIMIT_CELLS = Math.floor((5 * 1024 * 1024) / 16);

export const HOST_PROFILES = {
  /** Excel on the web: latest API, 5 MB payloads. */
  web: {
    label: "Excel on the web",
    platform: "OfficeOnline",
    sets: { ExcelApi: "1.20", CustomFunctionsRuntime: "1.4", SharedRuntime: "1.1" },
    payloadLimitCells: WEB_PAYLOAD_LIMIT_CELLS,
  },
  /** Microsoft 365 on Windows: latest API, no payload limit. */
  desktop365: {
    label: "Excel for Microsoft 365 (Windows)",
    platform: "PC",
    sets: { ExcelApi: "1.20", CustomFunctionsRuntime: "1.4", SharedRuntime: "1.1" },
  },
  /** Office 2021 perpetual on Windows: ExcelApi 1.14, custom functions runtime 1.3. */
  desktop2021: {
    label: "Excel 2021 (Windows)",
    platform: "PC",
    sets: { ExcelApi: "1.14", CustomFunctionsRuntime: "1.3", SharedRuntime: "1.1" },
  },
  /**
   * The lowest Excel the manifest admits: exactly its `<Requirements><Sets>` (ExcelApi 1.13,
   * CustomFunctionsRuntime 1.2; tests/addin/manifest pins the two together): no `triggerSource`
   * (1.14), no LAMBDA. A level, not a product: it is where every optional feature is missing at once.
   */
  minimum: {
    label: "Excel at the manifest's minimum (ExcelApi 1.13)",
    platform: "PC",
    sets: { ExcelApi: "1.13", CustomFunctionsRuntime: "1.2", SharedRuntime: "1.1" },
  },
  /** Office 2019 perpetual: ExcelApi 1.8, no custom functions runtime. Below the manifest's minimum. */
  desktop2019: {
    label: "Excel 2019 (Windows)",
    platform: "PC",
    sets: { ExcelApi: "1.8" },
  },
} as const satisfies Record<string, HostProfile>;

/** Compares "1.14" with "1.9" numerically, part by part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** `Office.context.requirements.isSetSupported(name, minVersion)` for a profile. */
export function profileSupports(profile: HostProfile, name: string, minVersion = "1.1"): boolean {
  const have = profile.sets[name];
  return have !== undefined && compareVersions(have, minVersion) >= 0;
}
