import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/random.js';
import { spawnIcp } from '../helpers/spawn-icp.js';

/**
 * A lead-like customers file whose Tags hold the sales team's post-contact notes (they record the outcome),
 * with a stage-derived Probability, an owner and a genuine Industry trait.
 */
function leakyCustomers(dir: string): string {
  const random = seededRandom(42);
  const lines = ['Customer ID,Industry,Tags,Probability,Deal owner,Total Spend'];
  for (let i = 1; i <= 300; i++) {
    const software = random() < 0.4;
    const spend = Math.round((software ? 3000 : 1000) * (0.5 + random()) * (random() < 0.3 ? 4 : 1));
    lines.push(`C${i},${software ? 'Software' : 'Retail'},TAG${i},0,${['Ann', 'Bob', 'Cy'][i % 3]},${spend}`);
  }
  // The notes follow the spend: the best fifth were "Closed by", the rest "Ringing" or "Lost to".
  const body = lines.slice(1).map((l) => l.split(','));
  const cut = [...body].map((r) => Number(r[5])).sort((a, b) => b - a)[59] as number;
  for (const r of body) {
    const best = Number(r[5]) >= cut;
    r[2] = best ? 'Closed by Horizzon' : random() < 0.5 ? 'Ringing' : 'Lost to EINS';
    r[3] = best ? '100' : String([10, 20, 40][Math.floor(random() * 3)]);
  }
  const file = join(dir, 'customers.csv');
  writeFileSync(file, [lines[0], ...body.map((r) => r.join(','))].join('\n') + '\n');
  return file;
}

describe('icp derive: leakage, our own team and --allow (built CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'icp-allow-'));
  const file = leakyCustomers(dir);

  it('leaves a suspect column out by default and says how to keep it', () => {
    const out = join(dir, 'default.yaml');
    const r = spawnIcp(['derive', file, '--value', 'Total Spend', '-o', out, '--fast']);
    expect(r.code, r.stderr).toBe(0);
    const doc = parse(readFileSync(out, 'utf8'));
    expect(doc.criteria.map((c: { column: string }) => c.column)).not.toContain('Tags');
    expect(doc.criteria.map((c: { column: string }) => c.column)).not.toContain('Probability');
    expect(doc.options.allowed).toBeUndefined();
    const notes: string[] = doc.notes;
    expect(notes.find((n) => n.startsWith('Left out as possible leakage: Tags ('))).toMatch(
      /single-column AUC [\d.]+;.*reads like outcomes: .*'Closed by'.*; keep it with --allow Tags\)\.$/,
    );
    expect(notes).toContain('Not a customer attribute: Deal owner (our own team, not who bought).');
    expect(notes).toContain('Not mined, set by the deal stage (leakage): Probability.');
    expect(r.stdout).toContain('Left out as possible leakage: Tags');
  });

  it('--allow brings the suspect column back; the file records options.allowed and the summary says so', () => {
    const out = join(dir, 'allowed.yaml');
    const r = spawnIcp(['derive', file, '--value', 'Total Spend', '--allow', 'Tags', '-o', out, '--fast']);
    expect(r.code, r.stderr).toBe(0);
    const doc = parse(readFileSync(out, 'utf8'));
    expect(doc.options.allowed).toEqual(['Tags']);
    expect(doc.criteria.some((c: { column: string; points: number }) => c.column === 'Tags' && c.points > 0)).toBe(true);
    expect(doc.notes.some((n: string) => n.startsWith('Kept although it may record the outcome (--allow): Tags ('))).toBe(true);
    expect(r.stdout).toContain('Kept although it may record the outcome');
    // A stage-derived field stays out even when named.
    expect(doc.criteria.map((c: { column: string }) => c.column)).not.toContain('Probability');
  });

  it('--allow naming no column of the file is a usage error', () => {
    const r = spawnIcp(['derive', file, '--value', 'Total Spend', '--allow', 'Nope', '-o', join(dir, 'x.yaml'), '--fast']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--allow: no column "Nope"');
  });
});
