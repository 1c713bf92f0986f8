import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagOf, wordedError, wordOptions } from '../../src/cli/option-words.js';
import { commands } from '../../src/cli/registry.js';
import { IcpError, OptionError, UsageError } from '../../src/errors.js';

const CORE = new URL('../../src/core/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const longFlag = (flags: string) => /--[a-z][a-z-]*/.exec(flags)?.[0];

describe('core names options, the command line words them as flags', () => {
  it("words every option's key as its flag", () => {
    for (const spec of commands) {
      for (const [key, option] of Object.entries(spec.options)) {
        if (option.flags.includes('--no-')) continue; // a negation: its key names the positive
        expect(`${spec.name} ${flagOf(key)}`).toBe(`${spec.name} ${longFlag(option.flags)}`);
        // Every command's options are known to wordOptions, a new command's too.
        expect(wordOptions(`⟨${key}⟩`)).toBe(flagOf(key));
      }
    }
  });

  it('words placeholders in errors and keeps their kind, exit code and hint', () => {
    expect(wordOptions('⟨icpTiers⟩ C: no such tier; see ⟨maxCriteria⟩')).toBe('--icp-tiers C: no such tier; see --max-criteria');
    // Data that reads like a placeholder stays as it is: braces, and names that are no option.
    expect(wordOptions('no column "{companyId}" or "{key}" or "⟨firstName⟩" in c.csv')).toBe('no column "{companyId}" or "{key}" or "⟨firstName⟩" in c.csv');
    const worded = wordedError(new OptionError('key', '⟨key⟩: no column "X" in c.csv', { hint: 'pass ⟨key⟩ a=b', file: 'c.csv', details: ['see ⟨map⟩'] }));
    expect(worded).toBeInstanceOf(UsageError);
    expect(worded).toMatchObject({
      message: '--key: no column "X" in c.csv',
      hint: 'pass --key a=b',
      exitCode: 2,
      place: { file: 'c.csv' },
      details: ['see --map'],
    });
    expect((worded as Error).stack).toContain('--key: no column "X"');
    const data = wordedError(new IcpError('⟨holdout⟩ 30% leaves no customer'));
    expect(data).toMatchObject({ message: '--holdout 30% leaves no customer', exitCode: 1 });
    expect(data).not.toBeInstanceOf(UsageError);
    const plain = new IcpError('cannot read a.csv');
    expect(wordedError(plain)).toBe(plain);
  });

  it('core throws no UsageError of its own, and every option it names is an option of some command', () => {
    const keys = new Set(commands.flatMap((c) => Object.keys(c.options)));
    const named: string[] = [];
    for (const file of sources(CORE)) {
      const text = readFileSync(file, 'utf8');
      expect(`${file}: ${/new UsageError\(/.test(text)}`).toBe(`${file}: false`);
      for (const m of text.matchAll(/⟨([a-z][A-Za-z]*)⟩/g)) named.push(m[1] as string);
    }
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((k) => !keys.has(k))).toEqual([]);
  });
});
