import { describe, expect, it } from 'vitest';
import { deriveOptions } from '../../src/cli/commands/derive.js';
import { DERIVE_OPTIONS } from '../../src/cli/options/derive.js';
import { REPORT_OPTIONS } from '../../src/cli/options/report.js';
import { optionValues } from '../../src/cli/options/spec.js';
import { recordedDeriveOptions } from '../../src/cli/recorded-options.js';
import { UsageError } from '../../src/errors.js';

/** derive's options from command-line text, as commander hands them over. */
const fromCli = (raw: Record<string, unknown>) => deriveOptions(optionValues(DERIVE_OPTIONS, raw));

describe("derive's options declared as data", () => {
  it('fill in the defaults the help shows, and parse what is given', () => {
    const { options } = fromCli({});
    expect(options).toMatchObject({ top: { percent: 20 }, alpha: 0.05, minSupport: 0.05, maxCriteria: 8, minLift: 1.5 });
    expect(options.map?.size).toBe(0);
    const given = fromCli({ top: '50', alpha: '0.01', key: 'Record ID=Company ID', attributes: 'Industry, Country', map: ['industry=Sector'] }).options;
    expect(given).toMatchObject({ top: { count: 50 }, alpha: 0.01, key: { customer: 'Record ID', deal: 'Company ID' }, attributes: ['Industry', 'Country'] });
    expect([...(given.map ?? [])]).toEqual([['industry', 'Sector']]);
    expect(() => fromCli({ maxCriteria: '31' })).toThrow(UsageError);
  });

  it('read back from what an ICP file recorded give the same options, window included when asked', () => {
    const cases: Record<string, unknown>[] = [
      {},
      { top: '25%', alpha: '0.1', minSupport: '12', maxCriteria: '3', minLift: '2' },
      { value: 'Total Revenue', key: 'none', fast: true, seed: '7' },
      { outcome: 'Churn=No', key: 'Record ID', exclude: 'Owner,Notes', allow: 'Lead Status', map: ['industry=Sector', 'employees='] },
      { since: '2025-01-01', until: '2025-12-31', attributes: 'Industry' },
    ];
    for (const raw of cases) {
      const first = fromCli(raw);
      const again = deriveOptions(recordedDeriveOptions(first.recorded, new Map(), true));
      expect(again.options).toEqual(first.options);
      expect(again.recorded).toEqual(first.recorded);
      // Without the window, a review sets its own.
      const { since, until, ...rest } = first.options;
      const { since: s2, until: u2, ...restAgain } = deriveOptions(recordedDeriveOptions(first.recorded, new Map())).options;
      expect([s2, u2]).toEqual([undefined, undefined]);
      expect(restAgain).toEqual(rest);
      expect(since === undefined || typeof since === 'number').toBe(true);
      expect(until === undefined || typeof until === 'number').toBe(true);
    }
  });

  it('take the columns given now over the recorded map', () => {
    const { recorded } = fromCli({ map: ['industry=Sector'] });
    const now = new Map([['industry', 'Branche']] as const);
    expect([...(deriveOptions(recordedDeriveOptions(recorded, now)).options.map ?? [])]).toEqual([['industry', 'Branche']]);
  });

  it('check what an ICP file recorded: a switch must be true or false, a single value is a list of one', () => {
    expect(() => recordedDeriveOptions({ fast: 'false' }, new Map())).toThrow(/--fast is a switch/);
    expect(recordedDeriveOptions({ fast: false }, new Map()).fast).toBe(false);
    const one = deriveOptions(recordedDeriveOptions({ map: 'industry=Sector', attributes: 'Industry' }, new Map())).options;
    expect([...(one.map ?? [])]).toEqual([['industry', 'Sector']]);
    expect(one.attributes).toEqual(['Industry']);
    expect(() => recordedDeriveOptions({ value: ['a', 'b'] }, new Map())).toThrow(/--value takes one value/);
  });

  it("read --icp-tiers with nothing named as the report's default", () => {
    expect(optionValues(REPORT_OPTIONS, { icpTiers: ',' }).icpTiers).toBeUndefined();
    expect(optionValues(REPORT_OPTIONS, { icpTiers: 'b,a' }).icpTiers).toEqual(['A', 'B']);
  });
});
