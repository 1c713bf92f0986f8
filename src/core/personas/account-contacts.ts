import { assignRoles, type Role, type RoleAssignment } from '../columns/roles.js';
import { mapFor } from '../columns/file-maps.js';
import { memoize } from '../memoize.js';
import type { CustomerRecord } from '../profile/customers.js';
import type { Table } from '../table.js';
import { IcpError } from '../../errors.js';
import { classifyTitle, type TitleMatcher } from './classify-title.js';
import { joinContacts } from './contact-join.js';
import type { ClassedContact } from './persona-search.js';

/** A contact joined to an account: its title read as a persona, with the cells a persona describes itself by. */
export type AccountContact = ClassedContact & { title: string; role: string; source: string };

/**
 * The job title column of a contacts file (the job_title role, or --map job_title=<header>); an error naming
 * the file, with its columns, when there is none.
 */
export function titleColumnOf(header: readonly string[], roles: RoleAssignment, fileName: string): number {
  const col = roles.byRole.get('job_title');
  if (col !== undefined) return col;
  throw new IcpError(`${fileName} has no job title column`, {
    hint: `name it with ⟨map⟩ job_title=<header>; columns: ${header.map((h) => JSON.stringify(h)).join(', ')}`,
  });
}

/**
 * Reads a contacts row as a persona (each distinct title classified once): its title by the job_title role
 * (titleColumnOf), its buying role and lead source when the export has them.
 */
export function contactReader(contacts: Table, kRoles: RoleAssignment, m: TitleMatcher): (row: readonly string[]) => AccountContact {
  const titleAt = titleColumnOf(contacts.header, kRoles, contacts.name);
  const roleAt = contacts.header.findIndex((h) => /^(buying role|contact role|role)$/i.test(h.trim()));
  const sourceAt = kRoles.byRole.get('lead_source');
  const classify = memoize((title: string) => classifyTitle(title, m));
  return (row) => {
    const title = row[titleAt] ?? '';
    const c = classify(title);
    return {
      seniority: c.seniority,
      function: c.function,
      title,
      role: roleAt < 0 ? '' : (row[roleAt] ?? ''),
      source: sourceAt === undefined ? '' : (row[sourceAt] ?? ''),
    };
  };
}

/**
 * The contacts joined to the customer records (joinContacts) and read as personas, per record index.
 * `matched` counts the contacts that joined. `map` is the whole --map: each file takes its part (mapFor).
 */
export function contactsByAccount(
  customers: Table,
  records: readonly CustomerRecord[],
  contacts: Table,
  m: TitleMatcher,
  map: ReadonlyMap<Role, string> = new Map(),
): { byRecord: Map<number, AccountContact[]>; matched: number } {
  const kRoles = assignRoles(contacts.header, mapFor('contacts', map, contacts.header), contacts.name);
  const read = contactReader(contacts, kRoles, m);
  const joined = joinContacts(customers, assignRoles(customers.header, mapFor('records', map), customers.name), records, contacts, kRoles);
  const byRecord = new Map<number, AccountContact[]>();
  contacts.rows.forEach((row, i) => {
    const owner = joined.owner[i] as number;
    if (owner < 0) return;
    let list = byRecord.get(owner);
    if (!list) byRecord.set(owner, (list = []));
    list.push(read(row));
  });
  return { byRecord, matched: joined.matched };
}
