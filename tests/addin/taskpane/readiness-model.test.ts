/** The Overview's readiness-over-time logic (issue #17): compare date, PRL changes, month moments, the sheet's movement table, the saved meeting date. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeWorkbook } from "#core/analyze.ts";
import { translator } from "#addin/i18n/strings.ts";
import { buildOverview } from "#addin/taskpane/overview/overview-model.ts";
import { overviewSheetSpec } from "#addin/taskpane/overview/overview-sheet.ts";
import {
  defaultCompareDate,
  direction,
  distributionOf,
  isIsoDate,
  monthMoments,
  prlChanges,
} from "#addin/taskpane/overview/readiness-model.ts";
import { memorySettings, storageSettings } from "#addin/taskpane/settings/settings-store.ts";
import { bigDataPlan, snapshotOf } from "#samples/seed-workbook.ts";

const isoDay = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("readiness model", () => {
  it("compares with the saved board meeting when it is a past day, else with 1 January", () => {
    expect(defaultCompareDate(undefined, "2026-03-20")).toBe("2026-01-01");
    expect(defaultCompareDate("2026-02-11", "2026-03-20")).toBe("2026-02-11");
    expect(defaultCompareDate("2026-04-01", "2026-03-20")).toBe("2026-01-01");
    expect(defaultCompareDate("2026-02-30", "2026-03-20")).toBe("2026-01-01");
  });

  it("month moments run from the compare month to today: month ends, then today, at most 12, in order", () => {
    fc.assert(
      fc.property(isoDay, isoDay, fc.integer({ min: 1, max: 24 }), (a, b, max) => {
        const [from, today] = a <= b ? [a, b] : [b, a];
        const moments = monthMoments(from, today, max);
        expect(moments.length).toBeGreaterThan(0);
        expect(moments.length).toBeLessThanOrEqual(max);
        expect(moments.at(-1)).toBe(today);
        for (const m of moments) expect(isIsoDate(m)).toBe(true);
        for (let i = 1; i < moments.length; i++) expect(moments[i - 1]! < moments[i]!).toBe(true);
        // Every moment but today is the last day of its month.
        for (const m of moments.slice(0, -1)) {
          const next = new Date(`${m}T00:00:00Z`);
          next.setUTCDate(next.getUTCDate() + 1);
          expect(next.getUTCDate()).toBe(1);
        }
      }),
    );
    expect(monthMoments("2025-11-15", "2026-02-03")).toEqual([
      "2025-11-30",
      "2025-12-31",
      "2026-01-31",
      "2026-02-03",
    ]);
  });

  it("PRL changes per priority and line against the plan as it stood: up, down, same, new", () => {
    const { plan } = analyzeWorkbook(snapshotOf(bigDataPlan()));
    const model = buildOverview(plan, "2026-03-20");
    const then = {
      priorities: model.prl
        .filter((r) => r.kind === "priority" && r.code !== "3")
        .map((r) => ({ code: r.code, title: r.title, prl: r.code === "2" ? r.prl + 1 : r.prl })),
      lines: model.prl
        .filter((r) => r.kind === "line")
        .map((r) => ({
          code: r.code,
          priority: "",
          title: r.title,
          prl: r.code === "5.5" ? r.prl - 2 : r.prl,
        })),
    };
    const changes = prlChanges(model.prl, then);
    expect(changes.size).toBe(model.prl.length);
    expect(direction(changes.get("line:5.5")!)).toBe("up");
    expect(changes.get("line:5.5")?.delta).toBe(2);
    expect(direction(changes.get("priority:2")!)).toBe("down");
    expect(direction(changes.get("priority:3")!)).toBe("new");
    expect(direction(changes.get("line:5.2")!)).toBe("same");
  });

  it("a month's distribution counts each project once at its level", () => {
    const d = distributionOf("2026-02-28", {
      projects: [{ prl: 6 }, { prl: 6 }, { prl: 9 }, { prl: 0 }] as never,
    });
    expect(d).toEqual({ month: "2026-02", counts: [1, 0, 0, 0, 0, 0, 2, 0, 0, 1], total: 4 });
  });

  it("the overview sheet adds the movement as a second table only when asked", () => {
    const { plan } = analyzeWorkbook(snapshotOf(bigDataPlan()));
    const model = buildOverview(plan, "2026-03-20");
    const t = translator("en");
    expect(overviewSheetSpec(model, t).below).toBeUndefined();
    const spec = overviewSheetSpec(model, t, {
      since: "1 February 2026",
      locale: "en",
      entries: [
        {
          project: "DIGIWELL",
          title: "Digital wellbeing",
          kind: "changed",
          fields: ["prl", "outcome"],
          before: { prl: 6, funded: 0, outcome: "submitted" },
          after: { prl: 8, funded: 0, outcome: "funded" },
          at: "2026-03-10T15:30:00.000Z",
          by: "anna",
        },
        { project: "NEW", kind: "added", fields: ["prl"], after: { prl: 2, funded: 0 } },
      ],
    });
    expect(spec.below?.title).toBe("Moved since 1 February 2026");
    expect(spec.below?.rows[1]?.slice(0, 7)).toEqual([
      "DIGIWELL",
      "Digital wellbeing",
      "PRL 6 → 8, outcome submitted → funded",
      6,
      8,
      "submitted",
      "funded",
    ]);
    expect(spec.below?.rows[2]?.slice(0, 5)).toEqual(["NEW", "", "added, PRL — → 2", null, 2]);
  });

  it("the last board meeting's date survives a reload of the settings; a malformed one is ignored", () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
    const store = storageSettings(storage, { apiUrl: "https://api.example" });
    store.save({ apiUrl: "https://api.example", boardMeeting: "2026-02-11" });
    expect(storageSettings(storage, { apiUrl: "" }).load().boardMeeting).toBe("2026-02-11");
    data.set("actionplan.settings.v1", JSON.stringify({ apiUrl: "x", boardMeeting: "yesterday" }));
    expect(storageSettings(storage, { apiUrl: "" }).load()).toEqual({ apiUrl: "x" });
    expect(memorySettings({ apiUrl: "" }).load().boardMeeting).toBeUndefined();
  });
});
