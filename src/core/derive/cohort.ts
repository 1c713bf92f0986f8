/** How many customers `--top` keeps: `20%` of the population, or a count. */
export type TopRule = { percent: number } | { count: number };

/** `top 20%` / `top 50`, as the cohort rule reads in icp.yaml. */
export function describeTop(rule: TopRule): string {
  return 'percent' in rule ? `top ${rule.percent}%` : `top ${rule.count}`;
}

/** The cohort rule of `20%` (a share strictly between 0 and 100) or `50` (a count above 0); undefined for anything else. */
export function readTopRule(text: string): TopRule | undefined {
  const trimmed = text.trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
  if (percent) {
    const value = Number(percent[1]);
    return value > 0 && value < 100 ? { percent: value } : undefined;
  }
  return /^\d+$/.test(trimmed) && Number(trimmed) > 0 ? { count: Number(trimmed) } : undefined;
}

/** How many of `population` customers the rule asks for. */
export function topSize(rule: TopRule, population: number): number {
  return 'percent' in rule ? Math.ceil((rule.percent / 100) * population) : Math.min(rule.count, population);
}

export interface Ranked {
  /** Customer indexes, most valuable first; ties by key so that two runs agree. */
  order: number[];
  cohort: boolean[];
  size: number;
}

/**
 * Ranks customers by value and marks the top ones as the cohort. Customers worth nothing are never in
 * the cohort, however small the population: "best" must mean something was earned.
 */
export function rankCohort(values: readonly number[], keys: readonly string[], rule: TopRule): Ranked {
  const order = values.map((_, i) => i).sort((a, b) => (values[b] as number) - (values[a] as number) || ((keys[a] as string) < (keys[b] as string) ? -1 : 1));
  const wanted = topSize(rule, values.length);
  const cohort = values.map(() => false);
  let size = 0;
  for (const i of order) {
    if (size >= wanted || (values[i] as number) <= 0) break;
    cohort[i] = true;
    size++;
  }
  return { order, cohort, size };
}
