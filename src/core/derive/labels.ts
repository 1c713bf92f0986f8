import type { Match } from '../icp/schema.js';

function joinOr(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** Formats a range bound: thousands separators, no trailing zeros; years as they are. */
export function formatBound(n: number, isYear = false): string {
  if (isYear) return String(n);
  return n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** The range as people write it: `50-500`, `at least 50`, `at most 500`. */
export function describeRange(range: { min?: number | undefined; max?: number | undefined }, isYear = false): string {
  const { min, max } = range;
  if (min !== undefined && max !== undefined) return `${formatBound(min, isYear)}-${formatBound(max, isYear)}`;
  if (min !== undefined) return `at least ${formatBound(min, isYear)}`;
  return `at most ${formatBound(max as number, isYear)}`;
}

/** A criterion's label: `Industry is Software or Retail`, `Number of Employees 50-500`, `Web Technologies includes Salesforce`. */
export function labelFor(column: string, match: Match, isDate = false): string {
  if ('in' in match) return `${column} is ${joinOr(match.in)}`;
  if ('contains_any' in match) return `${column} includes ${joinOr(match.contains_any)}`;
  if ('range' in match) return `${column}${isDate ? ' year' : ''} ${describeRange(match.range, isDate)}`;
  return `${column} is ${match.equals ? 'yes' : 'no'}`;
}

export { joinOr };
