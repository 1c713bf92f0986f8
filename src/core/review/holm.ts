/** Holm's step-down adjustment, in the input order; nulls (untested) stay null and do not count. */
export function holm(p: readonly (number | null)[]): (number | null)[] {
  const known = p
    .map((x, i) => ({ x, i }))
    .filter((e): e is { x: number; i: number } => e.x !== null)
    .sort((u, v) => u.x - v.x || u.i - v.i);
  const out: (number | null)[] = p.map(() => null);
  let running = 0;
  known.forEach((e, rank) => {
    running = Math.max(running, Math.min(1, (known.length - rank) * e.x));
    out[e.i] = running;
  });
  return out;
}
