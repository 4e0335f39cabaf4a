/** Valid wire rows for tests (the shapes `entityToJson` produces). */
import type { PushRow } from "#core/sync/protocol.ts";

export const priority = (code: string, title = `Priorità ${code}`, baseVersion = 0): PushRow => ({
  entity: "priority",
  key: code,
  baseVersion,
  values: { code, title },
});

export const line = (
  code: string,
  priorityCode: string,
  title = `Linea ${code}`,
  baseVersion = 0,
): PushRow => ({
  entity: "line",
  key: code,
  baseVersion,
  values: { code, title, priority: priorityCode, types: ["R&I projects"] },
});

export const project = (
  code: string,
  lineCode: string,
  title = `Progetto ${code}`,
  baseVersion = 0,
  extra: Record<string, unknown> = {},
): PushRow => ({
  entity: "project",
  key: code,
  baseVersion,
  values: { key: code, code, title, line: lineCode, ticks: {}, ...extra },
});

export const budget = (projectCode: string, category: string, amount: number, baseVersion = 0): PushRow => ({
  entity: "budget",
  key: `${projectCode}|${category}||`,
  baseVersion,
  values: { project: projectCode, category, categoryLabel: category, amount },
});

/** The ids of a plan's members in tests. */
export const USERS = {
  admin: "user-admin",
  editor: "user-editor",
  reader: "user-reader",
  stranger: "user-stranger",
} as const;
