/** Date query parameters (`asOf`, `from`, `to`): parsed by the core's moment rule, 400 with the reason otherwise. */
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { parseMoment, type DayEdge } from "#core/report/moment.ts";
import { BadRequestError } from "./errors.ts";

/** Epoch ms of the parameter; undefined when absent; 400 `query.bad-moment` naming the parameter when not a date. */
export function momentParam(event: APIGatewayProxyEventV2, name: string, edge: DayEdge): number | undefined {
  const raw = event.queryStringParameters?.[name];
  if (raw === undefined) return undefined;
  const ms = parseMoment(raw, edge);
  if (ms === undefined)
    // The message (it/en) says which forms are accepted; the details name the parameter and value.
    throw new BadRequestError("query.bad-moment", { parameter: name, value: raw.slice(0, 100) });
  return ms;
}
