import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ICP_MAX_BYTES, ICP_MAX_VALUES } from '../../src/io/icp-limits.js';
import { IcpError } from '../../src/errors.js';
import { checkIcpText, readIcpText } from '../../src/io/yaml.js';

// A valid manual ICP whose one criterion lists `list` (YAML text after `in: `).
const icpWith = (list: string, extra = '') => `version: 1
name: limits
status: manual
generated_at: 2026-11-23T00:00:00Z
source: []
cohort: { measure: hand-written, rule: hand-written, size: 0, total: 0, share_of_value: null }
${extra}criteria:
  - column: Industry
    attribute: industry
    category: firmographic
    label: Industry in list
    match: { in: ${list} }
    points: 100
tiers: { A: 75, B: 50, C: 25 }
`;
const values = (n: number) => `[${Array.from({ length: n }, (_, i) => `v${i}`).join(', ')}]`;

const refusal = (fn: () => unknown): IcpError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(IcpError);
    return error as IcpError;
  }
  throw new Error('expected an IcpError');
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'icp-limits-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ICP file limits', () => {
  it('reads an ordinary file', async () => {
    await writeFile(join(dir, 'icp.yaml'), icpWith('[Software, Retail]'));
    const text = await readIcpText(join(dir, 'icp.yaml'), 'icp.yaml', 'hint');
    expect(checkIcpText(text, 'icp.yaml')).toMatchObject({ problems: [], doc: { criteria: [{ match: { in: ['Software', 'Retail'] } }] } });
  });

  it('refuses a file above the size limit by its size, without reading it', async () => {
    const path = join(dir, 'huge.yaml');
    await writeFile(path, '');
    await truncate(path, 120 * 1024 * 1024); // sparse: 120 MB that would take seconds to read and parse
    const error = await readIcpText(path, 'huge.yaml', 'hint').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IcpError);
    expect((error as IcpError).message).toBe('huge.yaml is 120 MB; an ICP file may be at most 5 MB');
  });

  it('refuses text above the size limit handed to checkIcpText directly', () => {
    const text = icpWith('[Software]', `notes: ["${'x'.repeat(ICP_MAX_BYTES)}"]\n`);
    expect(refusal(() => checkIcpText(text, 'big.yaml')).message).toMatch(/^big\.yaml is 5 MB; an ICP file may be at most 5 MB$/);
  });

  it('accepts a long list, and refuses one of twice the limit before parsing it', () => {
    expect(checkIcpText(icpWith(values(1000)), 'icp.yaml').problems).toEqual([]);
    const error = refusal(() => checkIcpText(icpWith(values(2 * ICP_MAX_VALUES)), 'many.yaml'));
    expect(error.message).toBe('many.yaml lists more than 100,000 values; an ICP file may list at most 100,000 in its criteria');
  });

  it('counts a list each time an alias uses it', () => {
    // 60,000 values, used by two criteria: too few tokens to stop the parse, too many values in the criteria.
    const text = icpWith(`&big ${values(60_000)}`).replace(
      'tiers:',
      `  - column: Sector
    attribute: sector
    category: other
    label: Sector in list
    match: { in: *big }
    points: 0
tiers:`,
    );
    expect(refusal(() => checkIcpText(text, 'alias.yaml')).message).toMatch(/^alias\.yaml lists more than 100,000 values/);
  });

  it('refuses a file of empty collections that would make millions of nodes', () => {
    const text = icpWith('[Software]', `notes: [${'[],'.repeat(1_000_000)}]\n`);
    expect(refusal(() => checkIcpText(text, 'nodes.yaml')).message).toMatch(/^nodes\.yaml lists more than 100,000 values/);
  });

  it('reports a billion-laughs file as one problem, without expanding it', () => {
    const lines = ['lol: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 9; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(', ')}]`);
    expect(checkIcpText(lines.join('\n'), 'laughs.yaml').problems).toEqual([
      { file: 'laughs.yaml', line: 1, column: 1, path: '', message: 'YAML aliases expand more than 100 times (an alias bomb); an ICP file needs no aliases' },
    ]);
  });
});
