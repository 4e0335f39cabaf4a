/**
 * Builds the task pane and the preview page and serves them, for trying the add-in without Excel:
 *   npx tsx addin/preview/serve.ts [port]
 * then open the printed URL, e.g. with `?seed=messy&lang=en`, or against `actionplan serve`:
 * `?api=<API URL>&token=<dev token>&plan=clust-er-2025&user=dev` (the API must allow this origin).
 * Dev only.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildTaskpaneAndPreview } from "./build-preview.ts";
import { serveStatic } from "./static-server.ts";

const port = Number(process.argv[2] ?? 3000);
const dir = await mkdtemp(join(tmpdir(), "actionplan-preview-"));
await buildTaskpaneAndPreview(dir, { minify: false });
const site = await serveStatic(dir, Number.isInteger(port) ? port : 3000);
console.log(`Preview: ${site.url}/preview.html?seed=big-data&lang=it  (Ctrl-C to stop)`);
process.on("SIGINT", () => {
  void site.stop().then(() => process.exit(0));
});
