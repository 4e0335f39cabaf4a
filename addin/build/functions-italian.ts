/**
 * functions.it.json: the functions.json the custom-functions-metadata API generated from the
 * JSDoc tags, with the Italian descriptions of `#addin/functions/metadata-it.ts`. Same ids, names,
 * types and options (one source); the manifest's metadata URL points Italian Excel (it-IT) here.
 */
import { FUNCTIONS_IT, type ItalianFunctionText } from "#addin/functions/metadata-it.ts";
import { MetadataError } from "./metadata.ts";

interface FunctionMetadata {
  id: string;
  description?: string;
  parameters?: { name: string; description?: string }[];
}

/** The Italian metadata text (4-space JSON, as the tool writes it); fails on any missing text. */
export function italianFunctionsMetadata(
  englishJson: string,
  texts: Readonly<Record<string, ItalianFunctionText>> = FUNCTIONS_IT,
): string {
  const metadata = JSON.parse(englishJson) as { functions: FunctionMetadata[] };
  const missing: string[] = [];
  for (const fn of metadata.functions) {
    const it = texts[fn.id];
    if (!it) {
      missing.push(`${fn.id}: no Italian description`);
      continue;
    }
    fn.description = it.description;
    for (const p of fn.parameters ?? []) {
      const text = it.parameters[p.name];
      if (text === undefined) missing.push(`${fn.id}(${p.name}): no Italian description`);
      else p.description = text;
    }
  }
  if (missing.length > 0) throw new MetadataError(missing);
  return `${JSON.stringify(metadata, null, 4)}\n`;
}
