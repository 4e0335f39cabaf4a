/** The one error mapping, SDK error translation, cursors and route matching (no I/O). */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ErrorBodySchema } from "#core/sync/protocol.ts";
import { errorResponse, ForbiddenError, toHttpError, UnauthorizedError } from "#functions/http/errors.ts";
import {
  IdempotencyInProgressError,
  IdempotencyKeyReusedError,
  PlanNotFoundError,
  StoreError,
  StoreItemTooLargeError,
  StoreThrottledError,
  StoreUnavailableError,
  translateSdkError,
} from "#functions/store/errors.ts";
import { decodeCursor, encodeCursor } from "#functions/sync/cursor.ts";
import {
  DependencyUnavailableError,
  InvalidInputError,
  NotAllowedError,
  NotFoundInPlanError,
  NotSignedInError,
} from "#functions/service-errors.ts";
import { matchPath } from "#functions/routes.ts";
import { createTableInput } from "#functions/local/create-table.ts";
import { TABLE_DEFINITION } from "#functions/store/table-definition.ts";

const silent = { error: () => undefined, warn: () => undefined };

describe("error mapping", () => {
  it.each<[string, unknown, number, string]>([
    ["an unauthorized error", new UnauthorizedError("auth.expired"), 401, "auth.expired"],
    ["a forbidden error", new ForbiddenError(), 403, "auth.forbidden"],
    ["a missing plan", new PlanNotFoundError("p"), 404, "not-found"],
    ["a service's invalid input", new InvalidInputError("cursor.invalid"), 400, "cursor.invalid"],
    ["a service's missing sign-in", new NotSignedInError("auth.expired"), 401, "auth.expired"],
    ["a service's refusal", new NotAllowedError("auth.nightly-source"), 403, "auth.nightly-source"],
    ["a service's missing version", new NotFoundInPlanError("version.not-found"), 404, "version.not-found"],
    ["a service's unavailable dependency", new DependencyUnavailableError("auth.unavailable"), 503, "auth.unavailable"],
    ["a push still running", new IdempotencyInProgressError(), 409, "idempotency.in-progress"],
    ["a reused idempotency key", new IdempotencyKeyReusedError(), 409, "idempotency.key-reused"],
    ["an item too large", new StoreItemTooLargeError(), 413, "row.too-large"],
    ["throttling", new StoreThrottledError(), 503, "store.unavailable"],
    ["an unavailable store", new StoreUnavailableError(), 503, "store.unavailable"],
    ["a bug", new TypeError("x is undefined"), 500, "internal"],
    ["a thrown string", "boom", 500, "internal"],
  ])("maps %s to %i %s", (_name, error, status, code) => {
    expect(toHttpError(error)).toMatchObject({ statusCode: status, code });
  });

  it("never puts a stack trace or an internal message in a 500 body, and carries the correlation id", () => {
    const logged: unknown[] = [];
    const response = errorResponse(new Error("secret table name in message"), "corr-1", {
      error: (_m, extra) => void logged.push(extra),
      warn: () => undefined,
    });
    const body = ErrorBodySchema.parse(JSON.parse(response.body ?? ""));
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toMatch(/secret|stack|Error:/);
    expect(body.error).toMatchObject({
      code: "internal",
      correlationId: "corr-1",
      messages: { it: expect.any(String), en: expect.any(String) },
    });
    expect(logged).toHaveLength(1);
  });

  it("adds Retry-After to 503s", () => {
    expect(errorResponse(new StoreThrottledError(), "c", silent).headers?.["retry-after"]).toBe("1");
    expect(errorResponse(new DependencyUnavailableError("auth.unavailable"), "c", silent).headers?.["retry-after"]).toBe("5");
  });

  it("asks for a bearer token on a service's 401, and passes a service's details on a 400", () => {
    expect(errorResponse(new NotSignedInError("auth.invalid-token"), "c", silent).headers?.["www-authenticate"]).toMatch(/^Bearer/);
    const body = JSON.parse(errorResponse(new InvalidInputError("body.invalid", { problems: [1] }), "c", silent).body ?? "{}");
    expect(body.error.details).toEqual({ problems: [1] });
  });
});

describe("SDK error translation", () => {
  const sdk = (name: string, status: number, message = "") =>
    Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
  it.each<[string, unknown, new (...args: never[]) => StoreError, boolean]>([
    ["ThrottlingException", sdk("ThrottlingException", 400), StoreThrottledError, true],
    [
      "ProvisionedThroughputExceededException",
      sdk("ProvisionedThroughputExceededException", 400),
      StoreThrottledError,
      true,
    ],
    ["a 500", sdk("InternalServerError", 500), StoreUnavailableError, true],
    [
      "a reset connection",
      Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
      StoreUnavailableError,
      true,
    ],
    [
      "an item size ValidationException",
      sdk("ValidationException", 400, "Item size has exceeded the maximum allowed size"),
      StoreItemTooLargeError,
      false,
    ],
    ["another ValidationException", sdk("ValidationException", 400, "bad expression"), StoreError, false],
  ])("turns %s into our own error", (_name, error, type, retryable) => {
    const translated = translateSdkError(error);
    expect(translated).toBeInstanceOf(type);
    expect(translated.retryable).toBe(retryable);
    expect(translated.cause).toBe(error);
  });
});

describe("cursor", () => {
  it("round-trips any sequence number", () => {
    fc.assert(fc.property(fc.nat({ max: 2 ** 50 }), (seq) => decodeCursor(encodeCursor(seq)) === seq));
  });

  it.each(["", undefined])("reads %j as the start", (cursor) => expect(decodeCursor(cursor)).toBe(0));

  it("refuses any text that is not one of its cursors with a 400", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => s !== "" && !/^1\.[0-9a-z]{1,11}$/.test(s)),
        (text) => {
          let thrown: unknown;
          try {
            decodeCursor(text);
          } catch (error) {
            thrown = error;
          }
          expect(toHttpError(thrown)).toMatchObject({ statusCode: 400, code: "cursor.invalid" });
        },
      ),
    );
  });
});

describe("route matching", () => {
  it.each<[string, string, Record<string, string> | undefined]>([
    ["/plans/{plan}/sync", "/plans/clust-er-2025/sync", { plan: "clust-er-2025" }],
    [
      "/plans/{plan}/rows/{entity}/{key}/history",
      "/plans/p/rows/budget/DGH%7Cequipment%7C2021%7C/history",
      { plan: "p", entity: "budget", key: "DGH|equipment|2021|" },
    ],
    ["/plans/{plan}/sync", "/plans//sync", undefined],
    ["/plans/{plan}/sync", "/plans/p/sync/extra", undefined],
    ["/plans/{plan}/sync", "/plans/%E0%A4%A/sync", undefined],
  ])("matches %s against %s", (pattern, path, params) => {
    expect(matchPath(pattern, path)).toEqual(params);
  });
});

describe("table definition", () => {
  it("creates the table from the one definition the CDK stack imports", () => {
    const input = createTableInput("t");
    expect(input.KeySchema).toEqual([
      { AttributeName: TABLE_DEFINITION.partitionKey.name, KeyType: "HASH" },
      { AttributeName: TABLE_DEFINITION.sortKey.name, KeyType: "RANGE" },
    ]);
    expect(input.GlobalSecondaryIndexes?.map((g) => g.IndexName)).toEqual(
      TABLE_DEFINITION.globalSecondaryIndexes.map((g) => g.indexName),
    );
    expect(input.AttributeDefinitions?.map((a) => a.AttributeName).sort()).toEqual(["hk", "hv", "pk", "sk"]);
  });
});
