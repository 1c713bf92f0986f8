import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandReference } from '../../src/cli/reference.js';
import { commands } from '../../src/cli/registry.js';

describe('the README command reference', () => {
  it('is the one generated from the option data (run "npm run readme" after changing a flag)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = readme.slice(readme.indexOf('<!-- commands:start -->') + '<!-- commands:start -->'.length, readme.indexOf('<!-- commands:end -->'));
    expect(block.trim()).toBe(commandReference().trim());
  });

  it('names every flag of every command', () => {
    const reference = commandReference();
    for (const spec of commands) for (const option of spec.options) expect(reference).toContain(option.flags);
  });
});
