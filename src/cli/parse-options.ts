import { parseDate } from '../core/columns/parse/index.js';
import { UsageError } from '../errors.js';

/** A number option within bounds, or a usage error naming the flag. */
export function numberOption(raw: unknown, flag: string, fallback: number, check: (n: number) => boolean, expected: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || !check(n)) throw new UsageError(`${flag} expects ${expected}, got "${String(raw)}"`);
  return n;
}

/** A comma-separated list option (`--attributes Industry,Country`), trimmed, empty items dropped. */
export function listOption(raw: unknown): string[] | undefined {
  if (raw === undefined) return undefined;
  const items = String(raw).split(',').map((s) => s.trim()).filter((s) => s !== '');
  return items.length > 0 ? items : undefined;
}

/** A `YYYY-MM-DD` date option as epoch ms; `endOfDay` makes `--until 2026-09-30` include that whole day. */
export function dateOption(raw: unknown, flag: string, endOfDay = false): number | undefined {
  if (raw === undefined) return undefined;
  const ms = parseDate(String(raw), 'ymd');
  if (ms === null) throw new UsageError(`${flag} expects a date such as 2026-09-30, got "${String(raw)}"`);
  return endOfDay ? ms + 86_400_000 - 1 : ms;
}

/** `--key customerColumn[=dealColumn]`. */
export function keyOption(raw: unknown): { customer: string; deal?: string } | undefined {
  if (raw === undefined) return undefined;
  const text = String(raw);
  const eq = text.indexOf('=');
  if (eq < 0) return { customer: text.trim() };
  const customer = text.slice(0, eq).trim();
  const deal = text.slice(eq + 1).trim();
  if (customer === '' || deal === '') throw new UsageError(`--key expects <customerColumn>[=<dealColumn>], got "${text}"`);
  return { customer, deal };
}
