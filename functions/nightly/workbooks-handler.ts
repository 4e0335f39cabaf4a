/**
 * GET/POST /plans/{plan}/workbooks and DELETE /plans/{plan}/workbooks/{workbook}: which workbooks
 * the nightly job reads for a plan. Listing needs reader, changing needs admin.
 */
import { authorize } from "#functions/auth/roles.ts";
import { config } from "#functions/config.ts";
import { apiHandler } from "#functions/http/handler.ts";
import { HttpError, NotFoundError } from "#functions/http/errors.ts";
import { parseBody, pathParam, planParam } from "#functions/http/request.ts";
import { json } from "#functions/http/response.ts";
import { createDocumentClient } from "#functions/store/client.ts";
import { DynamoWorkbookRegistry } from "./registry-dynamo.ts";
import { RegistrationRequestSchema, newRegistration } from "./registry.ts";
import type { WorkbookRegistration, WorkbookRegistry } from "./registry.ts";

let registry: WorkbookRegistry | undefined;

/** The process-wide registry (created on first use). */
function defaultRegistry(): WorkbookRegistry {
  if (!registry) {
    const cfg = config();
    registry = new DynamoWorkbookRegistry(createDocumentClient(cfg), cfg.tableName);
  }
  return registry;
}

/** Replaces the registry (tests, local server). */
export function setWorkbookRegistry(next: WorkbookRegistry | undefined): void {
  registry = next;
}

/** What the API shows of a registration (not the job's internal memory). */
function publicView(reg: WorkbookRegistration): Omit<WorkbookRegistration, "memory"> {
  const { memory: _memory, ...rest } = reg;
  return rest;
}

export const handler = apiHandler(async ({ event, principal, store }) => {
  const plan = planParam(event);
  const method = event.requestContext.http.method.toUpperCase();
  if (method === "GET") {
    await authorize(store, plan, principal, "reader");
    return { workbooks: (await defaultRegistry().list(plan)).map(publicView) };
  }
  await authorize(store, plan, principal, "admin");
  if (method === "POST") {
    const request = parseBody(event, RegistrationRequestSchema);
    const saved = await defaultRegistry().put(newRegistration(plan, request, principal.id, new Date()));
    return json(201, publicView(saved));
  }
  if (method !== "DELETE") throw new HttpError(405, "method.not-allowed");
  const removed = await defaultRegistry().remove(plan, pathParam(event, "workbook"));
  if (!removed) throw new NotFoundError();
  return { statusCode: 204, headers: {}, body: "" };
});
