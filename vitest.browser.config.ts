import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Browser tests: Debian's chromium driven by playwright-core, against real servers on loopback.
// Heavier than the unit and integration suite, so they run on their own, one file at a time.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/integration/browser/**/*.test.ts"],
    globalSetup: ["tests/setup/global.ts"],
    setupFiles: ["tests/setup/env.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
