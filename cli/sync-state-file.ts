/**
 * The CLI's memory of what it pushed (SPEC §9): a sidecar JSON next to the workbook,
 * `<file>.actionplan-sync.json`, holding the plan id and per row the version and hash the cloud
 * returned. The CLI never rewrites the user's .xlsx (an ExcelJS round trip can lose charts,
 * pivots and formatting), so without this a second sync of an edited file would send stale base
 * versions and get false conflicts. Same idea as the nightly job's `NightlyMemory`.
 */
import { randomUUID } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import * as z from "zod";
import { overlayBase } from "#core/sync/base.ts";
import type { SyncState } from "#core/sync/state.ts";

/** What is appended to the workbook's path to name its sidecar. */
export const SIDECAR_SUFFIX = ".actionplan-sync.json";

const SidecarSchema = z.object({
  schema: z.literal(1),
  planId: z.string().min(1),
  apiUrl: z.string().optional(),
  savedAt: z.string().optional(),
  rows: z.record(z.string(), z.object({ version: z.number().int().nonnegative(), hash: z.string() })),
});

/** The sidecar's content. */
export type SidecarState = z.infer<typeof SidecarSchema>;

/** Reading a sidecar: none there, a usable one, or one that could not be understood. */
export type SidecarRead =
  { kind: "none" } | { kind: "ok"; state: SidecarState } | { kind: "corrupt"; reason: string };

/** The sidecar path of a workbook path. */
export function sidecarPath(workbookPath: string): string {
  return `${workbookPath}${SIDECAR_SUFFIX}`;
}

/** Reads a sidecar; a missing file is `none`, anything unparseable is `corrupt` (never throws for content). */
export async function readSidecar(path: string): Promise<SidecarRead> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "none" };
    return { kind: "corrupt", reason: error instanceof Error ? error.message : String(error) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: "corrupt", reason: "not JSON" };
  }
  const parsed = SidecarSchema.safeParse(json);
  return parsed.success
    ? { kind: "ok", state: parsed.data }
    : { kind: "corrupt", reason: "unexpected shape" };
}

/**
 * The base a push is built on: the file's sync sheet overlaid with the sidecar (the core's
 * `overlayBase`: per row the higher version wins). The sidecar only counts when it belongs to `plan`.
 */
export function mergeBase(
  plan: string,
  sheet: SyncState | undefined,
  sidecar: SidecarState | undefined,
): SyncState | undefined {
  const own = sidecar?.planId === plan ? sidecar : undefined;
  if (!own) return sheet;
  const merged = overlayBase(plan, sheet, own.rows);
  const apiUrl = sheet?.apiUrl ?? own.apiUrl;
  return apiUrl ? { ...merged, apiUrl } : merged;
}

/** The sidecar that records `state` (the engine's next base) for `plan`. */
export function sidecarOf(plan: string, apiUrl: string | undefined, state: SyncState): SidecarState {
  return {
    schema: 1,
    planId: plan,
    ...(apiUrl ? { apiUrl } : {}),
    savedAt: new Date().toISOString(),
    rows: state.rows,
  };
}

/** Writes the sidecar atomically: a temp file in the same folder, then a rename over the old one. */
export async function writeSidecar(path: string, state: SidecarState): Promise<void> {
  const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`, "utf8");
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
