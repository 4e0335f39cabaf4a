import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Integration suites start DynamoDB Local / Chromium once per file; keep files in parallel.
    pool: "forks",
  },
});
