/**
 * The wrapper every API handler shares: correlation id, logger, token check, the one error
 * mapping. Handlers stay thin: parse → service → result.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { Logger } from "@aws-lambda-powertools/logger";
import { config } from "../config.ts";
import { verifyBearer, type Principal } from "../auth/verify.ts";
import { defaultStore } from "../store/client.ts";
import type { SyncStore } from "../store/store.ts";
import { errorResponse } from "./errors.ts";
import { requestLocale } from "./request.ts";
import { json } from "./response.ts";

/** What a route gets. */
export interface RequestContext {
  event: APIGatewayProxyEventV2;
  principal: Principal;
  store: SyncStore;
  locale: "it" | "en";
  correlationId: string;
  log: Logger;
}

export type ApiHandler = (event: APIGatewayProxyEventV2, context?: Context) => Promise<APIGatewayProxyStructuredResultV2>;

let logger: Logger | undefined;

/**
 * The process-wide logger (created on first use, not at import). Its service name is the
 * function's own (POWERTOOLS_SERVICE_NAME, set per function by the infra), so each handler's
 * logs and metrics can be told apart.
 */
export function log(): Logger {
  logger ??= new Logger({ serviceName: process.env["POWERTOOLS_SERVICE_NAME"] || "actionplan-api" });
  return logger;
}

const CORRELATION_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Wraps a route: the route returns a body (200) or a full result. */
export function apiHandler(route: (ctx: RequestContext) => Promise<unknown>): ApiHandler {
  return async (event, context) => {
    // Lambda context on every line (function, request id, cold start); absent on the local stack.
    if (context !== undefined) log().addContext(context);
    const header = event.headers?.["x-correlation-id"];
    const correlationId =
      header && CORRELATION_ID.test(header)
        ? header
        : (event.requestContext?.requestId ?? crypto.randomUUID());
    const base = log().createChild({ persistentKeys: { correlationId } });
    try {
      const principal = await verifyBearer(event.headers?.["authorization"], config().auth);
      const result = await route({
        event,
        principal,
        store: defaultStore(),
        locale: requestLocale(event),
        correlationId,
        log: base,
      });
      const response = isResult(result) ? result : json(200, result);
      response.headers = { ...response.headers, "x-correlation-id": correlationId };
      return response;
    } catch (error) {
      return errorResponse(error, correlationId, base, { "x-correlation-id": correlationId });
    }
  };
}

function isResult(value: unknown): value is APIGatewayProxyStructuredResultV2 {
  return (
    typeof value === "object" &&
    value !== null &&
    "statusCode" in value &&
    typeof (value as { statusCode: unknown }).statusCode === "number"
  );
}
