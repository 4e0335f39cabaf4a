/**
 * functions.json from the `@customfunction` JSDoc tags, with the custom-functions-metadata API
 * (STYLE 4). Its errors fail the build.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const FUNCTIONS_SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), "../functions/functions.ts");

/** The metadata generator reported problems in the JSDoc tags. */
export class MetadataError extends Error {
  override readonly name = "MetadataError";
  constructor(readonly problems: readonly string[]) {
    super(`functions.json could not be generated:\n${problems.join("\n")}`);
  }
}

/** The functions.json text (4-space JSON, as the tool writes it) for `source`. */
export async function generateFunctionsMetadata(source: string = FUNCTIONS_SOURCE): Promise<string> {
  const result = await generateCustomFunctionsMetadata(source);
  if (result.errors.length > 0) throw new MetadataError(result.errors);
  if (result.metadataJson === "") throw new MetadataError([`${source}: no @customfunction found`]);
  return `${result.metadataJson}\n`;
}
