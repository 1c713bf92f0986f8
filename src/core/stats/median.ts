import { median as ssMedian } from 'simple-statistics';

/** The median, or null for no values (simple-statistics throws on an empty list). */
export function median(values: readonly number[]): number | null {
  return values.length === 0 ? null : ssMedian([...values]);
}
