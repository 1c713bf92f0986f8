import type { Role } from './role-names.js';
import { findHeader } from './roles.js';

/** The roles of a contact roles export (contact-role-columns.ts). */
export const CONTACT_ROLE_FILE_ROLES: readonly Role[] = ['deal_id', 'contact_id', 'contact_role', 'primary_contact'];

// The roles a contacts export shares with the other files: the company it works at, where it came from.
const SHARED_CONTACT_ROLES: ReadonlySet<Role> = new Set(['account_id', 'account_name', 'lead_source']);
// Roles only the people files have: never looked for in a customers, deals or leads file.
const PEOPLE_ONLY: ReadonlySet<Role> = new Set(['job_title', ...CONTACT_ROLE_FILE_ROLES]);

/**
 * The part of one --map that applies to a kind of file. One --map names the columns of every file a command
 * reads, and a file is checked to have each header it is given: so `--map job_title=Position` is not looked
 * for in the customers file, and `--map industry=Sector` not in the contacts export. A role both kinds have
 * (the company, the lead source) is taken by a contacts export only when it has that header (`header`).
 */
export function mapFor(kind: 'records' | 'contacts' | 'contact-roles', map: ReadonlyMap<Role, string>, header: readonly string[] = []): Map<Role, string> {
  const keep =
    kind === 'records'
      ? (r: Role) => !PEOPLE_ONLY.has(r)
      : kind === 'contacts'
        ? (r: Role, h: string) => r === 'job_title' || (SHARED_CONTACT_ROLES.has(r) && findHeader(header, h) >= 0)
        : (r: Role) => CONTACT_ROLE_FILE_ROLES.includes(r);
  return new Map([...map].filter(([role, h]) => keep(role, h)));
}
