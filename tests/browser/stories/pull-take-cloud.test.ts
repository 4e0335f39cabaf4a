/**
 * Stories (c) and (h) of issue #11: Bruno opens a fresh copy of the plan (bound, never synced) and
 * pulls Anna's change: the row is offered as "never synced here", not as an edit, and written only
 * when he takes the cloud's version; the pulled start date arrives as a real date (a serial).
 * Real Chromium, the real task pane over the local API and DynamoDB Local.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startLocalStack } from "#functions/local/stack.ts";
import type { LocalStack } from "#functions/local/stack.ts";
import { isoToSerial } from "#core/values/date.ts";
import { cellValue, editCell, usePreviewSite } from "../harness.ts";
import { act as paneAct, openPane } from "../pane-actions.ts";

const PLAN = "story-take";
const preview = usePreviewSite();
let stack: LocalStack;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  process.env["POWERTOOLS_LOG_LEVEL"] ??= "SILENT";
  stack = await startLocalStack({ corsOrigins: [preview.url] });
  await stack.store.createPlan(PLAN, "Storia pull", "anna");
  await stack.store.putMember(PLAN, "bruno", "editor");
  tokens["anna"] = await stack.issuer.mintToken({ oid: "anna", name: "Anna" });
  tokens["bruno"] = await stack.issuer.mintToken({ oid: "bruno", name: "Bruno" });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const open = (user: string) => openPane(preview, { api: stack.apiUrl, plan: PLAN, user, token: tokens[user] ?? "" });
const act = async (page: Page, testId: string): Promise<string> => (await paneAct(page, testId)).text;

describe("stories (c) and (h): a fresh copy takes a colleague's change, dates stay dates", () => {
  it("offers the changed row as never synced, writes it on request, with the date as a date", async () => {
    // Prepare: Anna pushes the plan, then changes DGH's title and start date (P2) and pushes.
    const anna = await open("anna");
    await act(anna, "push");
    await editCell(anna, "Progetti", "C2", "Titolo di Anna");
    await editCell(anna, "Progetti", "P2", isoToSerial("2022-03-01"));
    await act(anna, "push");
    const bruno = await open("bruno");
    // Act 1: Bruno pulls into his fresh copy.
    await act(bruno, "pull");
    const item = bruno.locator('[data-testid="pull-item"][data-key="DGH"]');
    // Assess 1: offered as never synced here (not "edited"), nothing else to look at.
    expect(await item.getAttribute("data-state")).toBe("unbased");
    expect(await bruno.getByTestId("pull-preview").getAttribute("data-count")).toBe("1");
    // Act 2: he takes the cloud's version of every never-synced row and writes.
    await bruno.getByTestId("pull-take-all").click();
    expect(await item.getByRole("checkbox").isChecked()).toBe(true);
    const message = await act(bruno, "pull-apply");
    // Assess 2: the sheet shows Anna's values; the date is a serial, not text; no "edited" message.
    expect(message).not.toMatch(/modificate nel file/);
    expect(await cellValue(bruno, "Progetti", "C2")).toBe("Titolo di Anna");
    expect(await cellValue(bruno, "Progetti", "P2")).toBe(isoToSerial("2022-03-01"));
    expect(await act(bruno, "push")).toMatch(/Nessuna modifica da inviare/);
    const dgh = (await stack.store.listRows(PLAN)).find((r) => r.entity === "project" && r.key === "DGH");
    expect(dgh?.values["startDate"]).toBe("2022-03-01");
    await Promise.all([anna.close(), bruno.close()]);
  });
});
