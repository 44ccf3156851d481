import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One database server for the whole run (the offline dev server, or MONGODB_URI); each file uses its own database.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: two workers keep the shared database server busy without starving it.
    maxWorkers: 2,
  },
});
