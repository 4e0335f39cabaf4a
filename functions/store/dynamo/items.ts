/** Item ⇄ domain conversions for the DynamoDB store. */
import type { EntityKind } from "#core/model.ts";
import type { Change, CurrentRow, RowValues, SyncSource } from "#core/sync/protocol.ts";
import type { StoredRow, StoredVersion } from "../store.ts";
import { decodeFieldNames } from "./field-names.ts";

/** A ROW# item as stored. */
export interface RowItem {
  pk: string;
  sk: string;
  entity: EntityKind;
  key: string;
  version: number;
  values?: RowValues;
  deleted: boolean;
  hash: string;
  updatedAt: string;
  updatedBy: string;
  source: SyncSource;
  writeId?: string;
}

/** A CHG# item: an applied version, or a void marker. */
export interface ChangeItem {
  pk: string;
  sk: string;
  seq: number;
  allocatedAt: number;
  void?: boolean;
  entity?: EntityKind;
  key?: string;
  version?: number;
  values?: RowValues;
  deleted?: boolean;
  at?: string;
  by?: string;
  source?: SyncSource;
  restoredFrom?: number;
}

export function toCurrent(item: RowItem | undefined): CurrentRow {
  if (!item) return { version: 0, values: {}, deleted: true, updatedAt: "", updatedBy: "" };
  return {
    version: item.version,
    values: decodeFieldNames(item.values ?? {}),
    deleted: item.deleted,
    updatedAt: item.updatedAt,
    updatedBy: item.updatedBy,
  };
}

export function toStoredRow(item: RowItem): StoredRow {
  return { entity: item.entity, key: item.key, hash: item.hash, ...toCurrent(item) };
}

export function toChange(item: ChangeItem): Change {
  return {
    entity: item.entity as EntityKind,
    key: item.key ?? "",
    version: item.version ?? 0,
    values: decodeFieldNames(item.values ?? {}),
    deleted: item.deleted ?? false,
    updatedAt: item.at ?? "",
    updatedBy: item.by ?? "",
    source: item.source ?? "cli",
  };
}

export function toVersion(item: ChangeItem): StoredVersion {
  const change = toChange(item);
  return item.restoredFrom === undefined ? change : { ...change, restoredFrom: item.restoredFrom };
}
