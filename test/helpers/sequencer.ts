import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The slowest files, slowest first (seconds on this machine in parentheses). Vitest orders files by their
// last run's duration, but a clean clone (CI) has no such cache and runs the largest files first instead:
// these are small files, and one that starts last on one worker keeps the run going alone for a minute.
const SLOW_FIRST = [
  'test/core/derive/recovery.test.ts', // 50
  'test/e2e/review.test.ts', // 36
  'test/core/derive/null-data.test.ts', // 31
  'test/golden.test.ts', // 23
  'test/e2e/report-holdout.test.ts', // 20
  'test/e2e/personas.test.ts', // 19
  'test/core/derive/validation.test.ts', // 18
  'test/e2e/derive-deals-stream.test.ts', // 17
  'test/core/personas/personas-recovery.test.ts', // 16
  'test/e2e/report-holdout-streamed.test.ts', // 15
  'test/core/review/drift-seeds.test.ts', // 14
  'test/core/sql/dialects.test.ts', // 13
];

/** The base order, with the known slow files moved to the front in the order above. */
export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const at = SLOW_FIRST.indexOf(relative(this.ctx.config.root, f.moduleId).replaceAll('\\', '/'));
      return at < 0 ? SLOW_FIRST.length : at;
    };
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}
