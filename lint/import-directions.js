// @ts-check
/**
 * ESLint rule `directions/import-directions`: which top-level areas of the repository may import
 * which (README "Layout"). Every import is resolved — `#area/…` through package.json "imports",
 * relative paths against the importing file — to a repository path, so `../../cli/x.ts` and
 * `#cli/x.ts` are judged alike. Packages (node_modules) are not this rule's business (core's
 * purity rule in eslint.config.js covers them).
 *
 * Options: a list of { from, except?, forbid?, allowOnly?, message }, paths relative to the root;
 * a path names a folder (and everything under it) or one file.
 */
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** "#core/" → "core/", from package.json "imports" ("#core/*": "./core/*"). */
const ALIASES = Object.entries(JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")).imports ?? {}).map(
  ([alias, target]) => [alias.replace(/\*$/, ""), String(target).replace(/^\.\//, "").replace(/\*$/, "")],
);

/** The repository path an import names, or undefined for a package. */
function target(spec, file) {
  for (const [alias, path] of ALIASES) if (spec.startsWith(alias)) return path + spec.slice(alias.length);
  if (!spec.startsWith(".")) return undefined;
  return relative(ROOT, resolve(dirname(file), spec)).split("\\").join("/");
}

/** Whether `path` is `area` or lies under it. */
const within = (path, area) => path === area || path.startsWith(`${area}/`);
const anyWithin = (path, areas) => (areas ?? []).some((a) => within(path, a));

/** @type {import("eslint").Rule.RuleModule} */
const rule = {
  meta: {
    type: "problem",
    docs: { description: "Enforce which areas of the repository may import which." },
    schema: [
      {
        type: "array",
        items: {
          type: "object",
          properties: {
            from: { type: "array", items: { type: "string" } },
            except: { type: "array", items: { type: "string" } },
            forbid: { type: "array", items: { type: "string" } },
            allowOnly: { type: "array", items: { type: "string" } },
            message: { type: "string" },
          },
          required: ["from", "message"],
          additionalProperties: false,
        },
      },
    ],
    messages: { direction: "{{from}} must not import {{to}}: {{message}}" },
  },
  create(context) {
    const file = relative(ROOT, context.filename).split("\\").join("/");
    const rules = (context.options[0] ?? []).filter((r) => anyWithin(file, r.from) && !anyWithin(file, r.except));
    if (rules.length === 0) return {};
    const check = (node, source) => {
      if (!source || source.type !== "Literal" || typeof source.value !== "string") return;
      const to = target(source.value, context.filename);
      if (to === undefined || to.startsWith("../") || to === "package.json") return;
      for (const r of rules) {
        const refused = r.allowOnly ? !anyWithin(to, r.allowOnly) : anyWithin(to, r.forbid);
        if (refused) {
          context.report({ node, messageId: "direction", data: { from: file, to, message: r.message } });
          return;
        }
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { rules: { "import-directions": rule } };
