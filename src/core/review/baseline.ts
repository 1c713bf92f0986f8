import { parseDate } from '../columns/parse/index.js';
import type { IcpDocument } from '../icp/schema.js';
import type { Quarter } from './period.js';

/** The deals a saved criterion's effect is compared against: those of the window the ICP was derived on. */
export interface BaselineWindow {
  since: number | undefined;
  until: number;
  /** The recorded window reached into the period, so it was cut at the period's start. */
  cut: boolean;
}

const DAY_MS = 86_400_000;

// A recorded date that does not parse (a hand edit) is treated as not recorded: the widest baseline.
function recordedDay(value: unknown): number | undefined {
  return typeof value === 'string' ? (parseDate(value, 'ymd') ?? undefined) : undefined;
}

/**
 * The window the saved ICP recorded (`since`, `until` of its derive; no `until` means every deal before the
 * period), cut at the start of the period so that the baseline never holds a deal of the period itself.
 */
export function baselineWindow(options: IcpDocument['options'], period: Quarter): BaselineWindow {
  const since = recordedDay(options?.since);
  const recordedUntil = recordedDay(options?.until);
  const until = recordedUntil === undefined ? undefined : recordedUntil + DAY_MS - 1;
  const cut = until !== undefined && until >= period.start;
  return { since, until: until === undefined || cut ? period.start - 1 : until, cut };
}
