/**
 * What the browser test serves in place of Microsoft's Office.js CDN script (no network in
 * tests): `Office` with the parts the task pane uses (onReady, context, NestedAppAuth support,
 * the auth context's login hint) and `Excel.run` over the in-memory Excel host, seeded with the
 * Big Data plan and bound to the test's plan. Bundled as a classic script by the test.
 */
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import { createFakeExcel } from "#addin/memory-host/host.ts";
import { previewWorkbook } from "#addin/preview/seeds.ts";

interface StubSettings {
  plan: string;
  loginHint: string;
}

const settings = (globalThis as unknown as { __officeStub: StubSettings }).__officeStub;
const fake = createFakeExcel({ name: "piano.xlsx", sheets: previewWorkbook("big-data", 0) });
const run = ((batch: unknown) => fake.run(batch as Parameters<typeof fake.run>[0])) as ConstructorParameters<typeof ExcelAdapter>[0]["run"];
const bound = new ExcelAdapter({ run }).writeSyncState({ planId: settings.plan, rows: {} });

/** Whether Excel on the web has requirement set `name` at `version` (minor versions compared as numbers). */
function supports(name: string, version = "1.1"): boolean {
  const top: Record<string, number> = { NestedAppAuth: 1, ExcelApi: 20 };
  const minor = Number(version.split(".")[1] ?? 0);
  return name in top && minor <= (top[name] ?? 0);
}

Object.assign(globalThis, {
  Excel: { run },
  Office: {
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      return bound.then(() => {
        const info = { host: "Excel", platform: "OfficeOnline" };
        callback?.(info);
        return info;
      });
    },
    context: {
      displayLanguage: "it-IT",
      officeTheme: { bodyBackgroundColor: "#ffffff" },
      platform: "OfficeOnline",
      // Excel on the web: NAA 1.1 and ExcelApi up to 1.20 (the memory host's web profile).
      requirements: { isSetSupported: (name: string, version?: string) => supports(name, version) },
      ui: {},
    },
    auth: {
      getAuthContext: () =>
        Promise.resolve({ loginHint: settings.loginHint, userPrincipalName: settings.loginHint, userObjectId: "", tenantId: "", authorityType: "aad", authorityBaseUrl: "" }),
    },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
  },
});
