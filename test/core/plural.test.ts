import { describe, expect, it } from 'vitest';
import { agree, plural } from '../../src/core/plural.js';

describe('plural and agree', () => {
  it('put a noun and its verb in the number of the count', () => {
    expect(`${plural(1, 'deal')} ${agree(1, 'matches', 'match')}`).toBe('1 deal matches');
    expect(`${plural(0, 'deal')} ${agree(0, 'matches', 'match')}`).toBe('0 deals match');
    expect(`${plural(3, 'deal')} ${agree(3, 'has', 'have')}`).toBe('3 deals have');
    expect(plural(2, 'company', 'companies')).toBe('2 companies');
  });
});
