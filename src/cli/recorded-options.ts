import type { Role } from '../core/columns/role-names.js';
import { DERIVE_OPTIONS } from './options/derive.js';
import { type OptionValues, optionValues } from './options/spec.js';

/** The record's name of each derive option that an ICP file records under another name. */
const RECORDED_AS: Partial<Record<keyof typeof DERIVE_OPTIONS, string>> = {
  minSupport: 'min_support',
  maxCriteria: 'max_criteria',
  minLift: 'min_lift',
  allow: 'allowed',
};

/** The options an ICP file records (recordedOf in commands/derive.ts): all but the files, output and format. */
const RECORDED = [
  'top',
  'alpha',
  'minSupport',
  'maxCriteria',
  'minLift',
  'value',
  'outcome',
  'key',
  'attributes',
  'exclude',
  'allow',
  'map',
  'fast',
  'seed',
] as const;

/**
 * The derive options a saved ICP recorded, read by derive's own option specs (the same parsers and
 * defaults as the command line), so that a command that re-derives (review's proposal, report --holdout)
 * derives alike. `map` given now wins over the recorded one: the columns are those of the files given now.
 * With `window`, the recorded deal window too: a review sets its own, report --holdout derives on the saved one.
 */
export function recordedDeriveOptions(
  recorded: Readonly<Record<string, unknown>>,
  map: ReadonlyMap<Role, string>,
  window = false,
): OptionValues<typeof DERIVE_OPTIONS> {
  const raw: Record<string, unknown> = {};
  for (const key of RECORDED) raw[key] = recorded[RECORDED_AS[key] ?? key];
  if (window) Object.assign(raw, { since: recorded.since, until: recorded.until });
  const values = optionValues(DERIVE_OPTIONS, raw);
  return map.size > 0 ? { ...values, map } : values;
}
