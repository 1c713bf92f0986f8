import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // e2e tests spawn the built CLI; keep the pool small on 2-core machines. Two workers, not vitest's
    // default of cores - 1: on 2 cores that is one, and the suite then runs file after file.
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['test/helpers/global-setup.ts'],
    // Property tests run from a fixed seed, or FC_SEED: see the file. Temp folders go under a root per
    // test file that is removed when the file is done.
    setupFiles: ['test/helpers/fast-check-seed.ts', 'test/helpers/temp-root.ts'],
  },
});
