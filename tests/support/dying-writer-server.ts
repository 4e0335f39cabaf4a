/**
 * The writer that dies: the local API server in a process of its own (a second Lambda instance,
 * with the configuration its parent passes in the environment). Prints its URL on the first line
 * of stdout; tests/support/dying-writer.ts kills it with SIGKILL mid-push.
 */
import { startApiServer } from "#functions/local/server.ts";

const api = await startApiServer();
process.stdout.write(`${api.url}\n`);
