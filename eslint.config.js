// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

/** Imports the pure core must never use (SPEC §2): hosts, cloud SDKs, file readers, UI, Node I/O. */
const impureInCore = [
  { group: ["office-js", "@microsoft/office-js", "office-addin-*"], message: "core/ is pure: Office.js belongs in addin/excel." },
  { group: ["@aws-sdk/*", "aws-cdk-lib", "aws-cdk-lib/*", "@aws-lambda-powertools/*"], message: "core/ is pure: AWS belongs in functions/ or infra/." },
  { group: ["exceljs"], message: "core/ is pure: ExcelJS belongs in cli/ or functions/." },
  { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "core/ is pure: UI belongs in addin/taskpane." },
  { group: ["node:*", "fs", "fs/*", "path", "http", "https", "net", "child_process", "os", "stream", "crypto", "url", "worker_threads"], message: "core/ is pure: no Node I/O." },
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
