/** Reading API Gateway v2 requests: body size, JSON, zod schemas, path and query parameters. */
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type { z } from "zod";
import { MAX_BODY_BYTES, PlanIdSchema } from "#core/sync/protocol.ts";
import { BadRequestError, PayloadTooLargeError } from "./errors.ts";

/** The request body as text (413 over 5 MB). */
export function bodyText(event: APIGatewayProxyEventV2): string {
  const raw = event.body ?? "";
  const bytes = event.isBase64Encoded ? Buffer.from(raw, "base64") : Buffer.from(raw, "utf8");
  if (bytes.length > MAX_BODY_BYTES) throw new PayloadTooLargeError();
  return bytes.toString("utf8");
}

/** Parses the JSON body against a schema: 400 `body.malformed` or `body.invalid` naming the problems. */
export function parseBody<S extends z.ZodType>(event: APIGatewayProxyEventV2, schema: S): z.infer<S> {
  const text = bodyText(event);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BadRequestError("body.malformed", {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new BadRequestError("body.invalid", {
      problems: parsed.error.issues
        .slice(0, 20)
        .map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
    });
  }
  return parsed.data;
}

/** A path parameter (decoded by API Gateway / the local adapter); 400 when missing. */
export function pathParam(event: APIGatewayProxyEventV2, name: string): string {
  const value = event.pathParameters?.[name];
  if (value === undefined || value === "") throw new BadRequestError("query.invalid", { missing: name });
  return value;
}

/** The `{plan}` path parameter, checked. */
export function planParam(event: APIGatewayProxyEventV2): string {
  const plan = pathParam(event, "plan");
  if (!PlanIdSchema.safeParse(plan).success)
    throw new BadRequestError("query.invalid", { plan: "expected 1-64 letters, digits, '.', '_' or '-'" });
  return plan;
}

/** The language for messages: English when the client asks for it, Italian otherwise. */
export function requestLocale(event: APIGatewayProxyEventV2): "it" | "en" {
  const accept = event.headers?.["accept-language"] ?? "";
  return /^\s*en\b/i.test(accept) ? "en" : "it";
}
