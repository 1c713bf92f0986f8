import { parseDate } from '../core/columns/parse/index.js';
import { readTopRule, type TopRule } from '../core/derive/cohort.js';
import { quarter, type Quarter } from '../core/review/period.js';
import { type Role, ROLES } from '../core/columns/role-names.js';
import { UsageError } from '../errors.js';

/** A number option within bounds, or a usage error naming the flag. */
export function numberOption(raw: unknown, flag: string, fallback: number, check: (n: number) => boolean, expected: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || !check(n)) throw new UsageError(`${flag} expects ${expected}, got "${String(raw)}"`);
  return n;
}

/** A parser of a number option within bounds, for its spec: a usage error naming the flag otherwise. */
export function numberParser(flag: string, check: (n: number) => boolean, expected: string): (raw: string) => number {
  return (raw) => numberOption(raw, flag, Number.NaN, check, expected);
}

/** `--seed`: a whole number that fits in 32 bits. */
export const seedParser = numberParser('--seed', (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32, 'a whole number from 0 to 4294967295');

/** A parser of a date option, for its spec; `endOfDay` makes `--until 2026-09-30` include that whole day. */
export function dateParser(flag: string, endOfDay = false): (raw: string) => number {
  return (raw) => dateOption(raw, flag, endOfDay) as number;
}

/** A comma-separated list option (`--attributes Industry,Country`), trimmed, empty items dropped. */
export function listOption(raw: unknown): string[] | undefined {
  if (raw === undefined) return undefined;
  const items = String(raw)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length > 0 ? items : undefined;
}

/** A `YYYY-MM-DD` date option as epoch ms; `endOfDay` makes `--until 2026-09-30` include that whole day. */
export function dateOption(raw: unknown, flag: string, endOfDay = false): number | undefined {
  if (raw === undefined) return undefined;
  const ms = parseDate(String(raw), 'ymd');
  if (ms === null) throw new UsageError(`${flag} expects a date such as 2026-09-30, got "${String(raw)}"`);
  return endOfDay ? ms + 86_400_000 - 1 : ms;
}

/**
 * `--key customerColumn[=dealColumn]`; `--key none` says the customers have no key column: each row is its
 * own record (`none: true`, customer ''), which cannot join deals.
 */
export function keyOption(raw: unknown): { customer: string; deal?: string; none?: true } | undefined {
  if (raw === undefined) return undefined;
  const text = String(raw);
  if (text.trim().toLowerCase() === 'none') return { customer: '', none: true };
  const eq = text.indexOf('=');
  if (eq < 0) return { customer: text.trim() };
  const customer = text.slice(0, eq).trim();
  const deal = text.slice(eq + 1).trim();
  if (customer === '' || deal === '') throw new UsageError(`--key expects <customerColumn>[=<dealColumn>], got "${text}"`);
  return { customer, deal };
}

/** Parses `--top 20%` or `--top 50`. */
export function parseTop(raw: string | undefined): TopRule {
  const text = (raw ?? '20%').trim();
  const rule = readTopRule(text);
  if (rule) return rule;
  throw new UsageError(`--top expects a share such as 20% or a count such as 50, got "${text}"`);
}

/** Parses `2026Q3` (also `2026-Q3`, `q3 2026`). */
export function parseQuarter(text: string): Quarter {
  const m = /^(\d{4})\s*-?\s*q([1-4])$/i.exec(text.trim()) ?? /^q([1-4])\s*-?\s*(\d{4})$/i.exec(text.trim());
  if (!m) throw new UsageError(`--quarter expects a quarter such as 2026Q3, got "${text}"`);
  const [year, q] = /^\d{4}/.test(m[1] as string) ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
  return quarter(year, q);
}

/** Parses `--window 4q` (or `4`): a number of quarters, at least 1. */
export function parseWindow(text: string | undefined): number {
  const m = /^(\d+)\s*q?$/i.exec((text ?? '4q').trim());
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 40) throw new UsageError(`--window expects a number of quarters such as 4q, got "${text}"`);
  return n;
}

/**
 * Parses `--map role=Header` values into a role -> header map; unknown roles are usage errors. `role=` (an
 * empty header) removes a guessed role: its header is '' in the map, and assignRoles gives it no column.
 */
export function parseRoleMap(entries: readonly string[] = []): Map<Role, string> {
  const map = new Map<Role, string>();
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const role = entry
      .slice(0, eq)
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const header = entry.slice(eq + 1).trim();
    if (eq <= 0) {
      throw new UsageError(`--map expects role=Header, got "${entry}"`, { hint: `roles: ${ROLES.join(', ')}` });
    }
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new UsageError(`--map: unknown role "${role}"`, { hint: `roles: ${ROLES.join(', ')}` });
    }
    map.set(role as Role, header);
  }
  return map;
}
