import { normalizeHeader, type RoleAssignment } from '../columns/roles.js';

/** What one record of the mined file is, for the words of the summary: never "customers" for a lead list. */
export type RecordUnit = 'customers' | 'leads' | 'records';

// A lead list names its records: `Lead ID`, `Lead Number`, `Lead Name` (a company export's `Lead Status`
// is a property of accounts, no sign of a lead list).
const LEAD_KEYS = new Set(['leadid', 'leadnumber', 'leadno', 'leadname', 'prospectid']);

/**
 * `leads` when the file is a lead list (a lead key column, a converted flag, or a file named for leads) and
 * no deals were joined; `records` when no column is a key, so each row is its own record; else `customers`.
 */
export function recordUnit(x: { header: readonly string[]; roles: RoleAssignment; fileName: string; joined: boolean; keyed: boolean }): RecordUnit {
  if (x.joined) return 'customers';
  const leadKey = x.header.some((h) => LEAD_KEYS.has(normalizeHeader(h)));
  const fileName = x.fileName.split(/[\\/]/).pop() ?? '';
  if (leadKey || x.roles.byRole.has('converted') || /lead/i.test(fileName)) return 'leads';
  return x.keyed ? 'customers' : 'records';
}

/** `customers` -> `customer`, for a count of one. */
export function singular(unit: RecordUnit): string {
  return unit.slice(0, -1);
}
