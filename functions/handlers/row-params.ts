/** The `{entity}` and `{key}` path parameters of the row routes. */
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type { EntityKind } from "#core/model.ts";
import { EntityKindSchema, RowKeySchema } from "#core/sync/protocol.ts";
import { keyLimit } from "#core/sync/row-limits.ts";
import { BadRequestError } from "../http/errors.ts";
import { pathParam } from "../http/request.ts";

export function rowParams(event: APIGatewayProxyEventV2): { entity: EntityKind; key: string } {
  const entity = EntityKindSchema.safeParse(pathParam(event, "entity"));
  const key = RowKeySchema.safeParse(pathParam(event, "key"));
  // A key past the store's byte limit (512 × "😀" is 2 048 bytes) can name no row, and DynamoDB
  // would refuse the lookup itself.
  if (!entity.success || !key.success || keyLimit(key.data) !== undefined)
    throw new BadRequestError("query.invalid", { entity: EntityKindSchema.options.join("|") });
  return { entity: entity.data, key: key.data };
}
