/**
 * An HTTP proxy between the AWS SDK and DynamoDB Local that counts operations and items and can
 * inject faults: throttling (400 ThrottlingException), 500s, a connection dropped before the
 * request reaches DynamoDB, and — the nasty one — dropped after DynamoDB applied it (the
 * response is lost, the write is not).
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";

export type Fault = "pass" | "throttle" | "error500" | "drop-before" | "drop-after";

export interface ProxyStats {
  /** Operations by name (e.g. TransactWriteItems), including faulted ones. */
  operations: Record<string, number>;
  /** Row (ROW#) items written by operations that reached DynamoDB. */
  rowWrites: number;
  faults: Record<Fault, number>;
}

export interface DynamoProxy {
  endpoint: string;
  stats: ProxyStats;
  /** Chooses a fault per request (default: always pass). */
  setFaults(choose: ((operation: string) => Fault) | undefined): void;
  /** Holds a request before it reaches DynamoDB until the returned promise settles (a slow writer). */
  setHold(hold: ((operation: string, body: string) => Promise<void> | undefined) | undefined): void;
  reset(): void;
  stop(): Promise<void>;
}

const emptyStats = (): ProxyStats => ({
  operations: {},
  rowWrites: 0,
  faults: { pass: 0, throttle: 0, error500: 0, "drop-before": 0, "drop-after": 0 },
});

export async function startDynamoProxy(target: string): Promise<DynamoProxy> {
  const upstream = new URL(target);
  let stats = emptyStats();
  let choose: ((operation: string) => Fault) | undefined;
  let holder: ((operation: string, body: string) => Promise<void> | undefined) | undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const operation = String(req.headers["x-amz-target"] ?? "").split(".")[1] ?? "unknown";
      const held = holder?.(operation, body.toString("utf8"));
      if (held) void held.finally(() => handle(req, res, body));
      else handle(req, res, body);
    });
  });

  function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const operation = String(req.headers["x-amz-target"] ?? "").split(".")[1] ?? "unknown";
    stats.operations[operation] = (stats.operations[operation] ?? 0) + 1;
    const fault = choose?.(operation) ?? "pass";
    stats.faults[fault]++;
    if (fault === "throttle") {
      reply(res, 400, {
        __type: "com.amazonaws.dynamodb.v20120810#ThrottlingException",
        message: "Rate of requests exceeds the allowed throughput.",
      });
      return;
    }
    if (fault === "error500") {
      reply(res, 500, {
        __type: "com.amazonaws.dynamodb.v20120810#InternalServerError",
        message: "Internal server error (injected)",
      });
      return;
    }
    if (fault === "drop-before") {
      req.socket.destroy();
      return;
    }
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (up) => {
        const parts: Buffer[] = [];
        up.on("data", (c: Buffer) => parts.push(c));
        up.on("end", () => {
          if ((up.statusCode ?? 500) < 300) stats.rowWrites += countRowWrites(operation, body);
          if (fault === "drop-after") {
            req.socket.destroy();
            return;
          }
          res.writeHead(up.statusCode ?? 500, up.headers);
          res.end(Buffer.concat(parts));
        });
      },
    );
    forward.on("error", () => req.socket.destroy());
    forward.end(body);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get stats() {
      return stats;
    },
    setFaults(next) {
      choose = next;
    },
    setHold(next) {
      holder = next;
    },
    reset() {
      stats = emptyStats();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/x-amz-json-1.0" });
  res.end(JSON.stringify(body));
}

/** ROW# items written by a successful operation (Update/Put of a ROW# key). */
function countRowWrites(operation: string, body: Buffer): number {
  if (!["TransactWriteItems", "UpdateItem", "PutItem", "BatchWriteItem"].includes(operation)) return 0;
  const text = body.toString("utf8");
  // Keys are marshalled as {"sk":{"S":"ROW#..."}}: count them in the request.
  return (text.match(/"sk":\{"S":"ROW#/g) ?? []).length;
}
