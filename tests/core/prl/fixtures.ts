import type { Line, Plan, Priority, Project } from "#core/model.ts";

/** A project with only the given fields (no evidence at all by default). */
export function project(fields: Partial<Project> = {}): Project {
  return { key: fields.code ?? fields.acronym ?? "P", ticks: {}, ...fields };
}

/** The field evidence of each PRL level 1..9, by level: fields only, no outcome. */
export const LEVEL_FIELDS: Record<number, Partial<Project>> = {
  1: { title: "Digital Green Health", line: "5.2" },
  2: { objectives: "Connect health innovation ecosystems" },
  3: { programme: "Horizon Europe", call: "HORIZON-EIE-2021-CONNECT-01" },
  4: { partners: ["Zenit GmbH"] },
  5: { totalBudget: 49_987_500 },
  6: { submitted: "2021-10-26" },
  7: { ticks: { aboveThreshold: true } },
  8: { ticks: { grantSigned: true } },
  9: { ticks: { resultsDelivered: true } },
};

/** A project with the evidence of every level 1..k except those listed in `without`. */
export function ladder(k: number, without: number[] = []): Project {
  let p = project({ code: `L${k}` });
  for (let l = 1; l <= k; l++) {
    if (without.includes(l)) continue;
    const f = LEVEL_FIELDS[l] ?? {};
    p = { ...p, ...f, ticks: { ...p.ticks, ...(f.ticks ?? {}) } };
  }
  return p;
}

/** A plan from its parts; every sheet kind present. */
export function plan(parts: { priorities?: Priority[]; lines?: Line[]; projects?: Project[] }): Plan {
  return {
    priorities: parts.priorities ?? [],
    lines: parts.lines ?? [],
    projects: parts.projects ?? [],
    budget: [],
    present: { priorities: true, lines: true, projects: true, budget: true },
  };
}

export function line(code: string, priority: string): Line {
  return { code, title: `Line ${code}`, priority, types: ["R&I projects"] };
}

export function priority(code: string): Priority {
  return { code, title: `Priority ${code}` };
}
