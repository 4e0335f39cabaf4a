/**
 * The wire values of an entity: the JSON object a sync row carries. The core's `entityToJson`
 * is the canonical form (the server reads it back with `validateEntity`); this file is the one
 * place sync calls it.
 */
import type { EntityKind } from "#core/model.ts";
import { entityToJson, type AnyEntity } from "#core/validate/entity.ts";
import type { RowValues } from "./protocol.ts";

/** The wire JSON of an entity (plain values, money in euro with ≤ 2 decimals). */
export function entityWireValues(kind: EntityKind, entity: object): RowValues {
  return entityToJson(kind, entity as AnyEntity);
}
