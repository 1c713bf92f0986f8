import { ROLE_ALIASES } from './aliases.js';
import { type Role, ROLES } from './role-names.js';
import { noColumn } from './no-column.js';

export { ROLES, type Role } from './role-names.js';

/** Lower-case a header and drop everything but letters and digits, so `Country/Region`, `country_region` and `COUNTRYREGION` meet. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Normalized alias -> [role, rank]; rank is the alias's position, so earlier aliases win conflicts. */
const ALIAS_INDEX: ReadonlyMap<string, { role: Role; rank: number }> = (() => {
  const index = new Map<string, { role: Role; rank: number }>();
  for (const role of ROLES) {
    ROLE_ALIASES[role].forEach((alias, rank) => {
      const key = normalizeHeader(alias);
      if (!index.has(key)) index.set(key, { role, rank });
    });
  }
  return index;
})();

// Pipedrive prefixes headers with the entity ("Organization - Industry"); Salesforce reports with the object.
const ENTITY_PREFIXES = ['organization', 'organisation', 'company', 'account', 'deal', 'opportunity', 'lead', 'billing'];

/** The role a single header suggests on its own, or undefined. */
export function guessRole(header: string): { role: Role; rank: number } | undefined {
  const key = normalizeHeader(header);
  const direct = ALIAS_INDEX.get(key);
  if (direct) return direct;
  // "Person - Email (Work)" and "Organization - Name*" carry the entity before a dash.
  const dash = header.split(/\s+-\s+/);
  if (dash.length === 2) {
    const entity = normalizeHeader(dash[0] ?? '');
    const field = normalizeHeader(dash[1] ?? '');
    if (entity === 'person' || entity === 'contact') {
      return field.startsWith('email') ? { role: 'email', rank: 50 } : undefined;
    }
    const viaField = ALIAS_INDEX.get(entity + field) ?? ALIAS_INDEX.get(field);
    if (viaField) return { role: viaField.role, rank: viaField.rank + 50 };
  }
  for (const prefix of ENTITY_PREFIXES) {
    if (key.startsWith(prefix) && key.length > prefix.length) {
      const hit = ALIAS_INDEX.get(key.slice(prefix.length));
      if (hit && hit.role !== 'id') return { role: hit.role, rank: hit.rank + 100 };
    }
  }
  return undefined;
}

export interface RoleAssignment {
  /** role -> column index; a role is held by at most one column. */
  byRole: Map<Role, number>;
  /** column index -> role, for the columns that have one. */
  byColumn: Map<number, Role>;
  /** roles set with --map rather than guessed. */
  mapped: Set<Role>;
  /** roles removed with `--map role=` (an empty header): no column takes them, by header or by values. */
  removed?: Set<Role>;
  /** roles a column's values gave it rather than its header (see confirmRoles). */
  byValues?: Set<Role>;
}

/** Why a column has its role: its header's alias, its values (e.g. country names), or `--map`. */
export type RoleSource = 'header' | 'values' | '--map';

/** Why `role` is where it is in `roles`. */
export function roleSource(roles: RoleAssignment, role: Role): RoleSource {
  if (roles.mapped.has(role)) return '--map';
  return roles.byValues?.has(role) ? 'values' : 'header';
}

/** Finds a header by exact text, then case/space/punctuation-insensitively; -1 when absent. */
export function findHeader(headers: readonly string[], wanted: string): number {
  const exact = headers.indexOf(wanted);
  if (exact >= 0) return exact;
  const key = normalizeHeader(wanted);
  return headers.findIndex((h) => normalizeHeader(h) === key);
}

/**
 * Gives each header at most one role and each role at most one header: `--map` first, then the
 * best-ranked alias, ties to the leftmost column (deterministic). A role mapped to '' (`--map role=`) is
 * given to no column.
 */
export function assignRoles(headers: readonly string[], overrides: ReadonlyMap<Role, string> = new Map(), file?: string): RoleAssignment {
  const byRole = new Map<Role, number>();
  const byColumn = new Map<number, Role>();
  const mapped = new Set<Role>();
  const removed = new Set<Role>();
  for (const [role, header] of overrides) {
    if (header === '') {
      removed.add(role);
      continue;
    }
    const index = findHeader(headers, header);
    if (index < 0) {
      throw noColumn('map', header, file, headers, `${role}=${header}`);
    }
    byColumn.delete(index);
    byRole.set(role, index);
    byColumn.set(index, role);
    mapped.add(role);
  }
  const assignment: RoleAssignment = { byRole, byColumn, mapped, removed, byValues: new Set() };
  fillGuesses(headers, assignment);
  return assignment;
}

/**
 * Gives the columns without a role the role their header suggests, best-ranked alias first, ties to the
 * leftmost column, skipping roles taken or removed; `accept` may refuse a guess (the values contradict
 * it), and the role then goes to the next header that suggests it.
 */
export function fillGuesses(headers: readonly string[], roles: RoleAssignment, accept: (index: number, role: Role) => boolean = () => true): void {
  const { byRole, byColumn } = roles;
  const guesses = headers
    .map((header, index) => ({ index, guess: byColumn.has(index) ? undefined : guessRole(header) }))
    .filter((g): g is { index: number; guess: { role: Role; rank: number } } => g.guess !== undefined)
    .sort((a, b) => a.guess.rank - b.guess.rank || a.index - b.index);
  for (const { index, guess } of guesses) {
    if (byRole.has(guess.role) || byColumn.has(index) || roles.removed?.has(guess.role)) continue;
    if (!accept(index, guess.role)) continue;
    byRole.set(guess.role, index);
    byColumn.set(index, guess.role);
  }
}
