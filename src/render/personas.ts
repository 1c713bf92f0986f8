import type { ClassifyTally } from '../core/personas/classify-rows.js';
import { percentText } from '../core/percent.js';
import { plural } from '../core/plural.js';

const top = (m: Map<string, number>, n: number): string =>
  [...m]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/** The summary `icp personas classify` writes to stderr. */
export function renderClassifySummary(t: ClassifyTally, column: string): string {
  const share = (n: number) => (t.rows === 0 ? '0%' : percentText(n / t.rows));
  return [
    `classified ${plural(t.rows, 'contact')} by "${column}": ${share(t.withSeniority)} with a level, ${share(t.withFunction)} with a function, ${t.unknown} unreadable`,
    t.rows > 0 ? `  levels: ${top(t.bySeniority, 6)}` : '',
    t.rows > 0 ? `  functions: ${top(t.byFunction, 6)}` : '',
  ]
    .filter((l) => l !== '')
    .map((l) => `${l}\n`)
    .join('');
}
