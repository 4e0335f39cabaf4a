import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Integration suites start DynamoDB Local / Chromium once per file; keep files in parallel.
    pool: "forks",
    // The CLI speaks the language of LC_ALL/LANG: pin a neutral one so tests expecting Italian
    // (the default) pass on a machine set to English. Tests of the choice pass their own env.
    env: { LC_ALL: "C.UTF-8" },
  },
});
