/**
 * Settings and accessibility in real Chromium: language override, writing missing line codes,
 * keyboard operation, labelled controls, and the dark Office theme.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { analyzeWorkbook } from "#core/analyze.ts";
import { messyPlan, PLANTED_ISSUES, snapshotOf } from "#samples/seed-workbook.ts";
import { cellValue, screenshot, usePreviewSite } from "./harness.ts";

const preview = usePreviewSite();

async function validated(page: Page): Promise<void> {
  await page.getByTestId("validate-run").click();
  await page.getByTestId("validate-result").waitFor();
}

describe("Settings in Chromium", () => {
  it("switches the task pane to English when the language is overridden", async () => {
    // Prepare: Office says Italian.
    const page = await preview.open({ seed: "big-data", lang: "it", tab: "settings" });
    // Act
    await page.getByTestId("settings-language").selectOption("en");
    await page.getByTestId("settings-save").click();
    // Assess
    await expect.poll(() => page.getByTestId("taskpane").getAttribute("data-locale")).toBe("en");
    expect(await page.getByTestId("settings-save").textContent()).toBe("Save");
    await screenshot(page, "settings-en");
    await page.close();
  });

  it("says the settings were saved in the language just chosen", async () => {
    // Prepare: Office says English.
    const page = await preview.open({ seed: "big-data", lang: "en", tab: "settings" });
    // Act
    await page.getByTestId("settings-language").selectOption("it");
    await page.getByTestId("settings-save").click();
    // Assess
    await expect.poll(() => page.getByTestId("taskpane").getAttribute("data-locale")).toBe("it");
    await expect.poll(() => page.getByTestId("settings-message").textContent()).toBe("Impostazioni salvate.");
    await page.close();
  });

  it.each([
    ["it", /non dice chi ha modificato una cella/, /non ha le funzioni LAMBDA.*=CLUSTER\.PRL\(A2\)/],
    ["en", /does not say who changed a cell/, /has no LAMBDA functions.*=CLUSTER\.PRL\(A2\)/],
  ] as const)("says in %s what an Excel at ExcelApi 1.13 lacks, and what works instead", async (lang, trigger, lambda) => {
    // Prepare: the lowest Excel the manifest admits (no triggerSource, no LAMBDA).
    const page = await preview.open({ seed: "big-data", lang, tab: "settings", host: "minimum" });
    // Act
    await page.getByTestId("settings-excel").waitFor();
    const notes = await page.getByTestId("settings-feature-missing").allTextContents();
    const pane = await page.getByTestId("taskpane").boundingBox();
    const boxes = await page.getByTestId("settings-feature-missing").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right));
    await screenshot(page, `settings-minimum-excel-${lang}`);
    await page.close();
    // Assess
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(trigger);
    expect(notes[1]).toMatch(lambda);
    // The notes wrap inside the pane, never past its edge.
    for (const right of boxes) expect(right).toBeLessThanOrEqual((pane?.x ?? 0) + (pane?.width ?? 0) + 0.5);
  });

  it("says nothing about missing features on Microsoft 365", async () => {
    // Prepare
    const page = await preview.open({ seed: "big-data", lang: "it", tab: "settings", host: "desktop365" });
    // Act
    await page.getByTestId("settings-save").waitFor();
    // Assess
    expect(await page.getByTestId("settings-excel").count()).toBe(0);
    await page.close();
  });

  it("binds the workbook to a plan: the id is saved in the file's very hidden sync sheet", async () => {
    // Prepare: a workbook never synced.
    const page = await preview.open({ seed: "big-data", lang: "it", tab: "settings" });
    // Act
    await page.getByTestId("settings-plan").fill("piano-2025");
    await page.getByTestId("settings-api").fill("https://api.example.org");
    await page.getByTestId("settings-save").click();
    // Assess
    await page.getByTestId("settings-message").waitFor();
    const sheet = await page.evaluate(() => {
      const s = window.__preview?.fake.state.sheets.find((x) => x.name === "_actionplan_sync");
      return s === undefined
        ? undefined
        : {
            visibility: s.visibility,
            plan: window.__preview?.value(s.name, "B2"),
            api: window.__preview?.value(s.name, "B3"),
          };
    });
    expect(sheet).toEqual({ visibility: "VeryHidden", plan: "piano-2025", api: "https://api.example.org" });
    await page.getByTestId("tab-sync").click();
    await expect.poll(() => page.getByTestId("sync").textContent()).toContain("Piano: piano-2025");
    await page.close();
  });

  it("writes the codes the core assigned into the lines sheet, so the warning goes away", async () => {
    // Prepare
    const planted = PLANTED_ISSUES.find((p) => p.code === "line.code-assigned")!;
    const page = await preview.open({ seed: "messy", lang: "it" });
    await validated(page);
    const selector = `[data-testid="issue"][data-code="line.code-assigned"]`;
    expect(await page.locator(selector).count()).toBeGreaterThan(0);
    const assigned = analyzeWorkbook(snapshotOf(messyPlan())).plan.lines.filter(
      (l) => l.codeAssigned === true,
    );
    expect(await cellValue(page, planted.sheet, planted.cell)).toBeNull();
    // Act
    await page.getByTestId("tab-settings").click();
    await page.getByTestId("assign-codes").click();
    // Assess
    await expect.poll(() => page.locator(selector).count()).toBe(0);
    const row = Number(planted.cell.replace(/^[A-Z]+/, ""));
    expect(await cellValue(page, planted.sheet, planted.cell)).toBe(
      assigned.find((l) => l.source?.row === row)?.code,
    );
    await page.close();
  });
});

describe("Accessibility in Chromium", () => {
  it("works from the keyboard: Validate with Enter, then an issue with Enter selects its cell", async () => {
    const page = await preview.open({ seed: "messy", lang: "en" });
    // Act
    await page.getByTestId("validate-run").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("validate-result").waitFor();
    const first = page.getByTestId("issue").first();
    const cell = await first.getAttribute("data-cell");
    await first.focus();
    await page.keyboard.press("Enter");
    // Assess
    await expect.poll(() => page.getByTestId("grid").getAttribute("data-selected")).toBe(cell);
    // Tab moves through the issue list (every issue is a focusable control).
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("issue");
    await page.close();
  });

  it.each(["validate", "overview", "sync", "settings"] as const)(
    "labels every control of the %s tab",
    async (tab) => {
      const page = await preview.open({
        seed: "messy",
        lang: "it",
        tab,
        api: "http://127.0.0.1:9",
        plan: "p",
      });
      await page.getByRole("tabpanel").getByRole("button").first().click();
      await page.waitForTimeout(200);
      // Assess: every visible button, input and select in the pane has an accessible name.
      const unnamed = await page.getByTestId("taskpane").evaluate((root) => {
        const out: string[] = [];
        for (const el of root.querySelectorAll<HTMLElement>(
          "button, input, select, [role=switch], [role=tab]",
        )) {
          if (el.closest("[hidden]") !== null) continue;
          const id = el.getAttribute("id");
          const label = id === null ? null : root.querySelector(`label[for="${id}"]`);
          const named =
            (el.getAttribute("aria-label") ?? "").trim() !== "" ||
            (el.getAttribute("aria-labelledby") ?? "").trim() !== "" ||
            (el.textContent ?? "").trim() !== "" ||
            (label?.textContent ?? "").trim() !== "" ||
            (el.getAttribute("title") ?? "").trim() !== "";
          if (!named) out.push(el.outerHTML.slice(0, 120));
        }
        return out;
      });
      expect(unnamed).toEqual([]);
      await page.close();
    },
  );

  it("follows the dark Office theme with Fluent tokens (light text on a dark background)", async () => {
    const page = await preview.open({ seed: "messy", lang: "it", theme: "dark" });
    await validated(page);
    // Assess
    const [bg, fg] = await page.getByTestId("taskpane").evaluate((el) => {
      const s = getComputedStyle(el);
      return [s.backgroundColor, s.color];
    });
    const lum = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    expect(lum(bg)).toBeLessThan(80);
    expect(lum(fg)).toBeGreaterThan(180);
    await screenshot(page, "validate-dark");
    await page.close();
  });
});
