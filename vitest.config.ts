import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/helpers/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // e2e tests spawn the built CLI; keep the pool small on 2-core machines. Two workers, not vitest's
    // default of cores - 1: on 2 cores that is one, and the suite then runs file after file.
    pool: 'forks',
    maxWorkers: 2,
    // A worker keeps the modules it loaded from one test file to the next (setup files still run per file):
    // about 40 s less on this machine, which keeps npm test under 4 minutes. Tests share no module state.
    isolate: false,
    // The slowest files first, with or without vitest's timing cache: see the sequencer.
    sequence: { sequencer: SlowFirstSequencer },
    globalSetup: ['test/helpers/global-setup.ts'],
    // Property tests run from a fixed seed, or FC_SEED: see the file. Temp folders go under a root per
    // test file that is removed when the file is done.
    setupFiles: ['test/helpers/fast-check-seed.ts', 'test/helpers/temp-root.ts'],
  },
});
