/**
 * The derive options a saved ICP recorded, in the shape `icp derive` reads them (parse them with
 * deriveOptions), so that a command that re-derives (review's proposal, report --holdout) derives alike.
 * `--map` given now wins over the recorded map: the columns are those of the files given now.
 */
export function recordedDeriveOptions(recorded: Record<string, unknown>, cliMap: unknown): Record<string, unknown> {
  const pick = (key: string) => (recorded[key] === null ? undefined : recorded[key]);
  const list = (key: string) => (Array.isArray(recorded[key]) ? (recorded[key] as string[]).join(',') : pick(key));
  return {
    top: pick('top'),
    alpha: pick('alpha'),
    minSupport: pick('min_support'),
    maxCriteria: pick('max_criteria'),
    minLift: pick('min_lift'),
    value: pick('value'),
    outcome: pick('outcome'),
    key: pick('key'),
    attributes: list('attributes'),
    exclude: list('exclude'),
    allow: list('allowed'),
    map: cliMap ?? recorded.map,
    fast: recorded.fast === true ? true : undefined,
    seed: pick('seed'),
  };
}

/**
 * The deal window (`since`, `until`) a saved ICP was derived on, in derive's option shape. Kept apart from
 * recordedDeriveOptions because a review sets its own window; a re-derive that has none (report
 * --holdout) takes this one, so that it derives as the saved ICP was derived.
 */
export function recordedWindow(recorded: Record<string, unknown>): { since?: unknown; until?: unknown } {
  const since = recorded.since ?? undefined;
  const until = recorded.until ?? undefined;
  return { ...(since !== undefined && { since }), ...(until !== undefined && { until }) };
}
