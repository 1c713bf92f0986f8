import { stringifyIcp } from '../../src/io/yaml.js';
import type { Criterion, IcpDocument, Tiers } from '../../src/core/icp/schema.js';

/** A small hand-written ICP (status manual) over the given criteria, as YAML text. */
export function manualIcpYaml(criteria: Criterion[], tiers: Tiers = { A: 75, B: 50, C: 25 }): string {
  const doc: IcpDocument = {
    version: 1,
    name: 'test ICP',
    status: 'manual',
    generated_at: '2026-11-23T00:00:00Z',
    source: [],
    cohort: { measure: 'hand-written', rule: 'hand-written', size: 0, total: 0, share_of_value: null },
    criteria,
    tiers,
  };
  return stringifyIcp(doc);
}

export const INDUSTRY_SIZE: Criterion[] = [
  { column: 'Industry', attribute: 'industry', category: 'firmographic', label: 'Industry is Software', match: { in: ['Software'] }, points: 60 },
  { column: 'Employees', attribute: 'employees', category: 'firmographic', label: 'Employees 50-500', match: { range: { min: 50, max: 500 } }, points: 40 },
];
