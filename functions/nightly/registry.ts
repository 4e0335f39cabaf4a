/**
 * Which workbooks the nightly job reads, per plan, and what it remembers about each between
 * nights: the eTag it last processed (to skip an unchanged file) and the versions it applied
 * itself (see `NightlyMemory`).
 */
import { createHash } from "node:crypto";
import * as z from "zod";
import type { Locale } from "#core/snapshot/types.ts";
import type { WorkbookLocation } from "./workbook-source.ts";

/**
 * Rows the nightly job applied from this file, keyed `${entity}:${key}` → [version, hash].
 *
 * The job cannot write the new versions back into the file's sync sheet (the file may be open in
 * Excel at night), so without this the next changed night would push those rows again based on
 * the sheet's older version and get a false conflict. An entry is used only while it is newer
 * than the sheet's own (the add-in's next sync supersedes it).
 */
export type NightlyMemory = Record<string, [version: number, hash: string]>;

/**
 * What the last complete run of a file left for a person: its conflicts and invalid rows, and the
 * report lines about them. Listed again while the file is unchanged (skipped), until a later push
 * of the file resolves them.
 */
export interface OpenItems {
  readonly conflicts: number;
  readonly invalid: number;
  readonly errors: readonly { message: string; sheet?: string; cell?: string }[];
}

/** A registered workbook. */
export interface WorkbookRegistration {
  readonly plan: string;
  /** Stable id within the plan (derived from the location). */
  readonly id: string;
  /** Shown in run reports (file name). */
  readonly name: string;
  readonly location: WorkbookLocation;
  /** Language of the run report's messages for this file. */
  readonly locale: Locale;
  readonly registeredAt: string;
  readonly registeredBy: string;
  /** The eTag of the last file the job processed completely. */
  readonly lastETag?: string;
  readonly memory?: NightlyMemory;
  /** What the last complete run of this file left open. */
  readonly open?: OpenItems;
}

/** What an admin supplies. */
export const RegistrationRequestSchema = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("graph"),
    driveId: z.string().min(1).max(256).regex(/^[A-Za-z0-9!_.:-]+$/),
    itemId: z.string().min(1).max(256).regex(/^[A-Za-z0-9!_.:-]+$/),
    name: z.string().min(1).max(256).optional(),
    locale: z.enum(["it", "en"]).optional(),
  }),
  z.object({
    source: z.literal("folder"),
    path: z
      .string()
      .min(1)
      .max(512)
      .regex(/^[^/\\][^\\]*\.xlsx$/i, "a relative .xlsx path")
      .refine((path) => !path.split("/").includes(".."), "a path inside the workbooks folder"),
    name: z.string().min(1).max(256).optional(),
    locale: z.enum(["it", "en"]).optional(),
  }),
]);
export type RegistrationRequest = z.infer<typeof RegistrationRequestSchema>;

/** The location a request names. */
export function locationOf(request: RegistrationRequest): WorkbookLocation {
  return request.source === "graph"
    ? { kind: "graph", driveId: request.driveId, itemId: request.itemId }
    : { kind: "folder", path: request.path };
}

/** The id of a location: the same file always gets the same id (registering twice updates). */
export function workbookId(location: WorkbookLocation): string {
  const text = location.kind === "graph" ? `graph:${location.driveId}:${location.itemId}` : `folder:${location.path}`;
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** Builds a registration from an admin's request. */
export function newRegistration(plan: string, request: RegistrationRequest, by: string, now: Date): WorkbookRegistration {
  const location = locationOf(request);
  const fallbackName = location.kind === "graph" ? location.itemId : location.path;
  return {
    plan,
    id: workbookId(location),
    name: request.name ?? fallbackName,
    location,
    locale: request.locale ?? "it",
    registeredAt: now.toISOString(),
    registeredBy: by,
  };
}

/** Storage of registrations (DynamoDB in the cloud and locally; see registry-dynamo.ts). */
export interface WorkbookRegistry {
  /** Adds or replaces a registration (keeps the remembered eTag and memory of the same file). */
  put(registration: WorkbookRegistration): Promise<WorkbookRegistration>;
  /** Removes one; false when it was not registered. */
  remove(plan: string, id: string): Promise<boolean>;
  /** One plan's registrations, or every plan's. */
  list(plan?: string): Promise<WorkbookRegistration[]>;
  /** Records a completely processed file: its eTag, the versions the job applied, what it left open. */
  remember(plan: string, id: string, eTag: string, memory: NightlyMemory, open?: OpenItems): Promise<void>;
}
