import { describe, expect, it } from 'vitest';
import { expectedGolden, goldenCases, runGolden } from './helpers/golden.js';

// Every command's output on the fixtures, word for word: a change of wording shows up as a reviewed diff
// of test/golden/ (npm run build && npm run golden rewrites the expected files).
describe('golden outputs', () => {
  const cases = goldenCases();

  it('cover every command', () => {
    const commands = new Set(cases.map((c) => c.split('-')[0]));
    expect([...commands].sort()).toEqual(['derive', 'diff', 'errors', 'init', 'inspect', 'profile', 'report', 'review', 'score', 'sql', 'validate']);
  });

  it.each(cases)('%s', (name) => {
    const got = runGolden(name);
    const want = expectedGolden(name);
    expect(got.exit).toBe(want.exit);
    expect(got.err).toBe(want.err);
    expect(got.out).toBe(want.out);
  });
});
