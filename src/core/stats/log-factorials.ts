import { gammaln } from 'simple-statistics';

// One table shared by every call: Fisher's test runs thousands of times per derive on tables with
// the same totals, so each log-factorial is computed once. Filling it from gammaln (relative error
// near 1e-15) rather than summing logs keeps the error from growing with n.
let table = new Float64Array(0);

function grow(n: number): void {
  const size = Math.max(n + 1, table.length * 2, 1024);
  const next = new Float64Array(size);
  next.set(table);
  for (let i = Math.max(table.length, 2); i < size; i++) next[i] = gammaln(i + 1);
  table = next; // 0! = 1! = 1, so entries 0 and 1 stay 0
}

/** A table whose entry k is ln(k!) for every integer k <= n (it may be longer); do not write to it. */
export function logFactorials(n: number): Float64Array {
  if (n >= table.length) grow(n);
  return table;
}
