/** The Adoption rule (SPEC §9) the store and the engine's next base share. */
import { describe, expect, it } from "vitest";
import { adoptedVersion, contentHash } from "#core/sync/adoption.ts";
import { sameAsCloud } from "#core/sync/base.ts";
import type { CurrentRow, PushRow } from "#core/sync/protocol.ts";

const row = (values: Record<string, unknown>, deleted = false): PushRow => ({
  entity: "priority",
  key: "1",
  baseVersion: 0,
  values,
  ...(deleted ? { deleted } : {}),
});
const cloud = (values: Record<string, unknown>, deleted = false, version = 3): CurrentRow => ({
  version,
  values,
  deleted,
  updatedAt: "2026-01-01T00:00:00Z",
  updatedBy: "someone",
});

describe("adoption", () => {
  it("adopts the cloud's version when the content is the same, whatever the key order", () => {
    const hash = contentHash({ code: "1", title: "Salute" }, false);
    expect(adoptedVersion(hash, { version: 4, hash: contentHash({ title: "Salute", code: "1" }, false) })).toBe(4);
  });

  it("does not adopt different values, a missing cloud row, or a live row against a tombstone", () => {
    const hash = contentHash({ code: "1", title: "Salute" }, false);
    expect(adoptedVersion(hash, { version: 2, hash: contentHash({ code: "1", title: "Altro" }, false) })).toBeUndefined();
    expect(adoptedVersion(hash, undefined)).toBeUndefined();
    expect(adoptedVersion(hash, { version: 2, hash: contentHash({ code: "1", title: "Salute" }, true) })).toBeUndefined();
  });

  it("treats two deletions as the same content whatever values the tombstones kept", () => {
    expect(contentHash({ code: "1" }, true)).toBe(contentHash({}, true));
    expect(sameAsCloud(row({ code: "1", title: "x" }, true), cloud({ code: "1", title: "y" }, true), undefined)).toBe(true);
  });

  it("the engine's check of an echoed conflict agrees with the store's rule", () => {
    const values = { code: "1", title: "Salute" };
    expect(sameAsCloud(row(values), cloud({ title: "Salute", code: "1" }), undefined)).toBe(true);
    expect(sameAsCloud(row(values), cloud({ code: "1", title: "Salute!" }), undefined)).toBe(false);
    expect(sameAsCloud(row(values), cloud(values, true), undefined)).toBe(false);
  });
});
