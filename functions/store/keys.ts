/** Key builders for the single table (layout in table-definition.ts). */
import type { EntityKind } from "#core/model.ts";

/** Digits of a padded sequence number: sorts as text up to 10^15 changes per plan. */
const SEQ_DIGITS = 15;

export const planPk = (plan: string): string => `PLAN#${plan}`;
export const META_SK = "META";
export const MEMBER_PREFIX = "MEMBER#";
export const memberSk = (oid: string): string => `${MEMBER_PREFIX}${oid}`;
export const rowSk = (entity: EntityKind, key: string): string => `ROW#${entity}#${key}`;
export const ROW_PREFIX = "ROW#";
export const CHG_PREFIX = "CHG#";
/** A sequence number as sort-key text (padded: sorts in number order). */
const seqText = (seq: number): string => String(seq).padStart(SEQ_DIGITS, "0");
export const chgSk = (seq: number): string => `${CHG_PREFIX}${seqText(seq)}`;
/** The upper bound of the change log's sort keys (every CHG# key sorts below it). */
export const CHG_END = `${CHG_PREFIX}${"9".repeat(SEQ_DIGITS)}~`;
/** A checkpoint's header (seq, maxAt, parts) and its gzip parts (sync/live-rows.ts). */
export const CKPT_HEAD_PREFIX = "CKPH#";
export const ckptHeadSk = (seq: number): string => `${CKPT_HEAD_PREFIX}${seqText(seq)}`;
export const ckptPartSk = (seq: number, part: number): string => `CKPD#${seqText(seq)}#${String(part).padStart(4, "0")}`;
export const historyHk = (plan: string, entity: EntityKind, key: string): string =>
  `PLAN#${plan}#ROW#${entity}#${key}`;
export const idemSk = (key: string): string => `IDEM#${key}`;
export const idemPartSk = (key: string, part: number): string => `IDEM#${key}#${part}`;
export const RUN_PREFIX = "RUN#";
export const runSk = (startedAt: string, runId: string): string => `${RUN_PREFIX}${startedAt}#${runId}`;
