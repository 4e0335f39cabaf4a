import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Project, Ticks } from "#core/model.ts";
import { EVIDENCE, PRL_CAP_CLOSED, projectPrl, prlNext } from "#core/prl/index.ts";
import { OUTCOMES } from "#core/values/vocab.ts";

const text = fc.oneof(fc.constant(""), fc.constant("  "), fc.string({ minLength: 1, maxLength: 8 }));

const ticksArb: fc.Arbitrary<Ticks> = fc.record(
  {
    consortiumConfirmed: fc.boolean(),
    proposalReady: fc.boolean(),
    aboveThreshold: fc.boolean(),
    grantSigned: fc.boolean(),
    resultsDelivered: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Any project: every PRL-relevant field optional, blank text included. */
const projectArb: fc.Arbitrary<Project> = fc
  .record(
    {
      title: text,
      acronym: text,
      line: text,
      objectives: text,
      coordinator: text,
      programme: text,
      call: text,
      partners: fc.array(text, { maxLength: 3 }),
      totalBudget: fc.integer({ min: 0, max: 1e9 }),
      submitted: fc.constant("2021-10-26"),
      outcome: fc.constantFrom(...OUTCOMES),
    },
    { requiredKeys: [] },
  )
  .chain((fields) => ticksArb.map((ticks): Project => ({ key: "P", ...fields, ticks })));

/** q has every piece of evidence p has, plus whatever `extra` adds; outcome untouched. */
function extend(p: Project, extra: Project): Project {
  const q: Project = {
    ...extra,
    ...Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)),
    outcome: p.outcome,
  };
  q.partners = [...(p.partners ?? []), ...(extra.partners ?? [])];
  const ticks: Ticks = {};
  for (const k of [
    "consortiumConfirmed",
    "proposalReady",
    "aboveThreshold",
    "grantSigned",
    "resultsDelivered",
  ] as const) {
    ticks[k] = p.ticks[k] === true || extra.ticks[k] === true;
  }
  q.ticks = ticks;
  return q;
}

const modes = ["milestone", "strict"] as const;

describe("PRL properties", () => {
  it.each(modes)("%s: adding fields or ticks (outcome unchanged) never lowers the PRL", (mode) => {
    fc.assert(
      fc.property(projectArb, projectArb, (p, extra) => {
        expect(projectPrl(extend(p, extra), mode)).toBeGreaterThanOrEqual(projectPrl(p, mode));
      }),
    );
  });

  it.each(modes)(
    "%s: setting an outcome on a project with none gives at least min(old PRL, cap), cap = 6 for rejected/withdrawn else 9",
    (mode) => {
      fc.assert(
        fc.property(projectArb, fc.constantFrom(...OUTCOMES), (p0, outcome) => {
          // Prepare
          const p: Project = { ...p0, outcome: undefined };
          const cap = outcome === "rejected" || outcome === "withdrawn" ? PRL_CAP_CLOSED : 9;
          // Act
          const after = projectPrl({ ...p, outcome }, mode);
          // Assess
          expect(after).toBeGreaterThanOrEqual(Math.min(projectPrl(p, mode), cap));
          expect(after).toBeLessThanOrEqual(cap);
        }),
      );
    },
  );

  it("strict PRL is never above milestone PRL", () => {
    fc.assert(
      fc.property(projectArb, (p) => {
        expect(projectPrl(p, "strict")).toBeLessThanOrEqual(projectPrl(p, "milestone"));
      }),
    );
  });

  it.each(modes)(
    "%s: PRLNEXT, when defined, is the level right above the PRL with that level's evidence",
    (mode) => {
      fc.assert(
        fc.property(projectArb, (p) => {
          const level = projectPrl(p, mode);
          const next = prlNext(p, mode);
          const capped = p.outcome === "rejected" || p.outcome === "withdrawn";
          if (level === 9 || (capped && level === PRL_CAP_CLOSED)) expect(next).toBeUndefined();
          else expect(next).toEqual({ level: level + 1, evidence: EVIDENCE[level] });
        }),
      );
    },
  );
});
