/** The moments of readiness over time: dates are whole UTC days, date-times need a zone. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMoment } from "#core/report/moment.ts";

describe("parseMoment", () => {
  it.each([
    ["2026-01-01", "start", "2026-01-01T00:00:00.000Z"],
    ["2026-01-01", "end", "2026-01-01T23:59:59.999Z"],
    ["2024-02-29", "end", "2024-02-29T23:59:59.999Z"],
    ["2026-03-10T10:00:00Z", "end", "2026-03-10T10:00:00.000Z"],
    ["2026-03-10T11:00+01:00", "start", "2026-03-10T10:00:00.000Z"],
    ["2026-03-10T08:30:15.5-02:00", "end", "2026-03-10T10:30:15.500Z"],
  ] as const)("reads %s (%s of a day) as %s", (text, edge, iso) => {
    expect(new Date(parseMoment(text, edge) as number).toISOString()).toBe(iso);
  });

  it.each(["", "yesterday", "2026-02-30", "2025-02-29", "2026-13-01", "2026-1-1", "2026-01-01T10:00", "2026-01-01T24:00Z", "2026-01-01T10:00+25:00", "01/02/2026"])(
    "refuses %j",
    (text) => {
      expect(parseMoment(text, "end")).toBeUndefined();
    },
  );

  it("reads back every moment it prints, and never throws on any text", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1970-01-01"), max: new Date("2999-12-31"), noInvalidDate: true }), (d) => {
        expect(parseMoment(d.toISOString(), "start")).toBe(d.getTime());
        const day = d.toISOString().slice(0, 10);
        expect(parseMoment(day, "start")).toBe(Date.parse(`${day}T00:00:00.000Z`));
        expect(parseMoment(day, "end")).toBe(Date.parse(`${day}T23:59:59.999Z`));
      }),
    );
    fc.assert(fc.property(fc.string(), (s) => void parseMoment(s, "end")));
  });
});
