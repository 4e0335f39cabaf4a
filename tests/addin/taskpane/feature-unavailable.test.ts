/**
 * An optional Excel feature the running Excel lacks (isSetSupported said no) reaches the pane as
 * a message that says what works instead, in Italian and English, never as an Excel failure.
 */
import { describe, expect, it } from "vitest";
import { ExcelAdapter, FeatureUnavailableError } from "#addin/excel/adapter.ts";
import { translator } from "#addin/i18n/strings.ts";
import { createFakeExcel } from "#addin/memory-host/host.ts";
import { HOST_PROFILES } from "#addin/memory-host/profile.ts";
import { errorText } from "#addin/taskpane/error-text.ts";

describe("installing the =PRL() formulas on Excel 2021 (no LAMBDA)", () => {
  it.each([
    ["it", /non ha le funzioni LAMBDA.*=CLUSTER\.PRL\(A2\)/],
    ["en", /has no LAMBDA functions.*=CLUSTER\.PRL\(A2\)/],
  ] as const)("explains in %s that =CLUSTER.PRL(A2) works instead", async (locale, text) => {
    // Prepare
    const host = createFakeExcel({
      sheets: [{ name: "Foglio1", values: [["x"]] }],
      profile: HOST_PROFILES.desktop2021,
    });
    const adapter = new ExcelAdapter({ run: host.run, supports: host.requirements.isSetSupported });
    // Act
    const error: unknown = await adapter.defineLambdaNames().catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(FeatureUnavailableError);
    expect(errorText(error, translator(locale), locale)).toMatch(text);
  });
});
