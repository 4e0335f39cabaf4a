// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import directions from "./lint/import-directions.js";

/** Imports the pure core must never use (SPEC §2): hosts, cloud SDKs, file readers, UI, Node I/O. */
const impureInCore = [
  { group: ["office-js", "@microsoft/office-js", "office-addin-*"], message: "core/ is pure: Office.js belongs in addin/excel." },
  { group: ["@aws-sdk/*", "aws-cdk-lib", "aws-cdk-lib/*", "@aws-lambda-powertools/*"], message: "core/ is pure: AWS belongs in functions/ or infra/." },
  { group: ["exceljs"], message: "core/ is pure: ExcelJS belongs in cli/ or functions/." },
  { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "core/ is pure: UI belongs in addin/taskpane." },
  { group: ["node:*", "fs", "fs/*", "path", "http", "https", "net", "child_process", "os", "stream", "crypto", "url", "worker_threads"], message: "core/ is pure: no Node I/O." },
];

/** What ships (Lambda bundles, the add-in, the CLI): the preview page, the build and the in-memory host are tools. */
const deployable = ["core", "xlsx", "functions", "infra", "cli", "addin"];
const tools = ["addin/preview", "addin/build", "addin/memory-host"];
/** The HTTP layer maps errors to statuses; the services below raise service-errors.ts and never import it. */
const services = ["functions/auth", "functions/sync", "functions/store", "functions/nightly"];
const httpFiles = ["functions/nightly/workbooks-handler.ts"];

/** Import directions between areas (lint/import-directions.js), issue #11. */
const importDirections = [
  { from: ["core"], allowOnly: ["core"], message: "core/ is pure and imports nothing of ours outside core/." },
  { from: ["functions"], forbid: ["cli", "addin", "dev"], message: "the backend never imports the CLI, the add-in or dev tools." },
  { from: ["addin"], forbid: ["functions", "cli", "dev"], message: "the add-in talks to the backend over HTTP only." },
  { from: deployable, except: tools, forbid: ["tests", "samples", "dev", "bench", "addin/memory-host"], message: "deployable code never imports tests, samples, dev tools or the in-memory host." },
  { from: services, except: httpFiles, forbid: ["functions/http", "functions/handlers"], message: "services raise functions/service-errors.ts; the HTTP layer maps them." },
];

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "cdk.out/**", ".cache/**", ".data/**", "coverage/**", "bench/results/**", "tests/output/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-syntax": ["error", { selector: "CallExpression[callee.object.name='it'][callee.property.name=/^(skip|only|todo)$/]", message: "No skipped or focused tests." }],
    },
  },
  {
    // Office.js habits (STYLE.md 5): load before read, sync after load, never sync inside a loop.
    // Left out: call-sync-before-read (flags `isNullObject` read after a sync in the same run) and
    // no-empty-load (flags loads whose property list is a variable or template) — false positives here.
    files: ["addin/excel/**/*.ts", "addin/functions/**/*.ts", "addin/taskpane/office-services.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { directions },
    rules: { "directions/import-directions": ["error", importDirections] },
  },
  {
    files: ["core/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: impureInCore }] },
  },
  {
    // The workbook reader (xlsx/) is shared by the CLI and the nightly job: core's types only.
    files: ["xlsx/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["#cli/*", "#functions/*", "#addin/*", "#infra/*", "#tests/*", "#samples/*", "#dev/*", "../*"], message: "xlsx/ imports core/ types only." },
            { group: ["exceljs"], message: "xlsx/ reads workbooks with fflate/zlib and saxes, not ExcelJS." },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
