import { describe, expect, it } from 'vitest';
import type { IcpDocument } from '../../../src/core/icp/schema.js';
import { keySignature } from '../../../src/core/profile/key-signature.js';
import { inSample } from '../../../src/core/report/in-sample.js';

const SHA = 'a'.repeat(64);
const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => String(18_000_000 + i + from));

function doc(keys?: readonly string[]): IcpDocument {
  return {
    version: 1,
    name: 't',
    status: 'ok',
    generated_at: '2026-12-02T00:00:00Z',
    source: [{ name: 'customers.csv', role: 'customers', rows: 1000, sha256: SHA, ...(keys && { keys: keySignature(keys) }) }],
    cohort: { measure: 'won value', rule: 'top 20%', size: 200, total: 1000, share_of_value: 0.6 },
    criteria: [],
    tiers: { A: 75 },
  };
}

describe('inSample', () => {
  it('is in-sample when an input is byte-identical to a source, whatever the keys', () => {
    expect(inSample(doc(), [{ sha256: SHA.toUpperCase() }], ids(0, 10))).toEqual({ in_sample: true, overlap: null });
  });

  it('is in-sample when a fresh export holds mostly the same customers (new sha256)', () => {
    const r = inSample(doc(ids(0, 1000)), [{ sha256: 'b'.repeat(64) }], ids(100, 1100));
    expect(r.in_sample).toBe(true);
    expect(r.overlap as number).toBeGreaterThan(0.75);
  });

  it("is out of sample on deals closed after the derive's last day, even for the same customers file", () => {
    const d = { ...doc(ids(0, 1000)), options: { until: '2026-06-30' } };
    expect(inSample(d, [{ sha256: SHA }], ids(0, 1000), Date.parse('2026-07-01')).in_sample).toBe(false);
    expect(inSample(d, [{ sha256: SHA }], ids(0, 1000), Date.parse('2026-06-01')).in_sample).toBe(true);
    // Without a recorded --until, the day the ICP was generated is its last day.
    expect(inSample(doc(), [{ sha256: SHA }], ids(0, 10), Date.parse('2026-12-03')).in_sample).toBe(false);
  });

  it('is out of sample on other customers, and says nothing of overlap without a signature', () => {
    const r = inSample(doc(ids(0, 1000)), [{ sha256: 'b'.repeat(64) }], ids(5000, 6000));
    expect(r).toMatchObject({ in_sample: false });
    expect(r.overlap as number).toBeLessThan(0.15);
    expect(inSample(doc(), [{ sha256: 'b'.repeat(64) }], ids(0, 10))).toEqual({ in_sample: false, overlap: null });
  });
});
