/**
 * The wire values of an entity: the JSON object a sync row carries.
 *
 * The core's `entityToJson(kind, entity)` (core/validate/entity.ts) is the canonical form; this
 * file is the one place sync calls it, so the fallback below (same rules: no source position, no
 * error flag, money in euro numbers) can be swapped for it in one line.
 */
import type { EntityKind } from "#core/model.ts";
import type { RowValues } from "./protocol.ts";

/** Fields that describe where a row sits in a sheet, not what it says: never synced. */
const LOCAL_ONLY = new Set(["source", "hasErrors"]);
/** Money fields: cents inside the core, euro numbers on the wire (SPEC §10). */
const MONEY = new Set(["totalBudget", "requested", "amount"]);

/** The wire JSON of an entity (plain values, money in euro with ≤ 2 decimals). */
export function entityWireValues(_kind: EntityKind, entity: object): RowValues {
  const out: RowValues = {};
  for (const [field, value] of Object.entries(entity)) {
    if (LOCAL_ONLY.has(field) || value === undefined) continue;
    out[field] = MONEY.has(field) && typeof value === "number" ? value / 100 : value;
  }
  return out;
}
