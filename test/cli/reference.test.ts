import { readFileSync } from 'node:fs';
import { Option } from 'commander';
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
    for (const spec of commands) for (const option of Object.values(spec.options)) expect(reference).toContain(option.flags);
  });

  it("keys every option by the name commander gives its value, so that a command's typed options are commander's", () => {
    for (const spec of commands) {
      for (const [key, option] of Object.entries(spec.options)) expect(`${spec.name} ${new Option(option.flags).attributeName()}`).toBe(`${spec.name} ${key}`);
    }
  });
});
