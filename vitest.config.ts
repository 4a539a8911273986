import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The fuzz and golden suites are CPU-bound; two workers match the 2-core machines.
    maxWorkers: 2,
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
  },
});
