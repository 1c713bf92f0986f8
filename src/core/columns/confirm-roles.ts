import { isCountryColumn } from './country-values.js';
import { detectDateFormat } from './parse/index.js';
import { fillGuesses, type Role, type RoleAssignment } from './roles.js';
import { implausibleRangeShare } from './range-values.js';

// The record's own key and name: a handful of distinct values over many rows is a category (`Client` =
// Current / New / Past over 448 opportunities), never what records are told apart by. Foreign keys
// (account_id, account_name) repeat by nature, many deals per account, and are not checked.
const OWN_KEY_ROLES: ReadonlySet<Role> = new Set(['id', 'name']);
/** Cells needed before a key may be called a category: fewer say too little ("hundreds of rows"). */
export const KEY_MIN_CELLS = 50;
/** A key or name with fewer distinct values than this over KEY_MIN_CELLS cells or more is a category. */
export const KEY_MIN_DISTINCT = 20;
const DATE_ROLES: ReadonlySet<Role> = new Set(['created_date', 'close_date', 'last_activity_date']);
const PLACE_ROLES: ReadonlySet<Role> = new Set(['city', 'region']);

function quote(values: readonly string[]): string {
  return [...new Set(values)]
    .slice(0, 2)
    .map((v) => `"${v}"`)
    .join(', ');
}

/** Why the values of a column contradict the role its header suggests, or undefined when they do not. */
export function contradiction(role: Role, header: string, values: readonly string[]): string | undefined {
  if (values.length === 0) return undefined;
  if (OWN_KEY_ROLES.has(role) && values.length >= KEY_MIN_CELLS) {
    const distinct = new Set(values).size;
    if (distinct < KEY_MIN_DISTINCT) {
      return `its header reads as ${role}, but it has only ${distinct} distinct values in ${values.length} cells: read as a category, not a ${role}`;
    }
  }
  if (DATE_ROLES.has(role) && detectDateFormat(values, true) === null) {
    return `its header reads as ${role}, but its values are not dates (${quote(values)}): no date role`;
  }
  if (role === 'employees' && implausibleRangeShare(values) >= 0.5) {
    return `its header reads as employees, but its values look like ids, not head-count bands (${quote(values)}): no employees role`;
  }
  if (PLACE_ROLES.has(role) && isCountryColumn(values, header)) {
    return `its header reads as ${role}, but its values are countries`;
  }
  return undefined;
}

/**
 * Confirms the header guesses of `roles` by the columns' values (non-missing cells, by column index) and
 * adds the roles only values can give, in place, so that everything read after typing (the customer key,
 * the join, the dates) sees the confirmed roles. `--map` is never overruled. Returns a note per column whose
 * guess was refused or whose role came from its values.
 */
export function confirmRoles(headers: readonly string[], roles: RoleAssignment, values: readonly (readonly string[])[]): Map<number, string> {
  const notes = new Map<number, string>();
  const confirmed: RoleAssignment = {
    byRole: new Map(),
    byColumn: new Map(),
    mapped: roles.mapped,
    removed: roles.removed ?? new Set(),
    byValues: new Set(),
  };
  for (const role of roles.mapped) {
    const index = roles.byRole.get(role);
    if (index === undefined) continue;
    confirmed.byRole.set(role, index);
    confirmed.byColumn.set(index, role);
  }
  fillGuesses(headers, confirmed, (index, role) => {
    const why = contradiction(role, headers[index] ?? '', values[index] ?? []);
    if (why !== undefined && !notes.has(index)) notes.set(index, why);
    return why === undefined;
  });
  // A country is known by its values under any header (`office_location`): the column most filled with
  // country names or codes, leftmost of equals, when no header or --map names one.
  if (!confirmed.byRole.has('country') && !confirmed.removed?.has('country')) {
    const found = headers.findIndex((header, index) => !confirmed.byColumn.has(index) && isCountryColumn(values[index] ?? [], header));
    if (found >= 0) {
      confirmed.byRole.set('country', found);
      confirmed.byColumn.set(found, 'country');
      confirmed.byValues?.add('country');
      const before = notes.get(found);
      notes.set(found, before ? `${before}: read as country` : 'its values are countries: read as country');
    }
  }
  roles.byRole.clear();
  roles.byColumn.clear();
  for (const [role, index] of confirmed.byRole) roles.byRole.set(role, index);
  for (const [index, role] of confirmed.byColumn) roles.byColumn.set(index, role);
  roles.removed = confirmed.removed;
  roles.byValues = confirmed.byValues;
  return notes;
}
