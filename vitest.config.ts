import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Integration suites start DynamoDB Local / Chromium once per file; keep files in parallel.
    pool: "forks",
    // Vitest's default is one file fewer than the cores: one at a time on the 2-core CI machine.
    // Most files wait on DynamoDB Local, Chromium or loopback HTTP, so two share two cores well
    // (measured on a clean clone: 936 s one at a time, 731 s two at a time on a machine also busy).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The CLI speaks the language of LC_ALL/LANG: pin a neutral one so tests expecting Italian
    // (the default) pass on a machine set to English. Tests of the choice pass their own env.
    env: { LC_ALL: "C.UTF-8" },
  },
});
