import { assignRoles, type Role, type RoleAssignment } from '../columns/roles.js';
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
 * The contacts joined to the customer records (joinContacts) and read as personas, per record index: each
 * distinct title is read once. `matched` counts the contacts that joined.
 */
export function contactsByAccount(
  customers: Table,
  records: readonly CustomerRecord[],
  contacts: Table,
  m: TitleMatcher,
  map?: ReadonlyMap<Role, string>,
): { byRecord: Map<number, AccountContact[]>; matched: number } {
  const kRoles = assignRoles(contacts.header, map, contacts.name);
  const titleAt = titleColumnOf(contacts.header, kRoles, contacts.name);
  const joined = joinContacts(customers, assignRoles(customers.header, map, customers.name), records, contacts, kRoles);
  const roleAt = contacts.header.findIndex((h) => /^(buying role|contact role|role)$/i.test(h.trim()));
  const sourceAt = kRoles.byRole.get('lead_source');
  const classify = memoize((title: string) => classifyTitle(title, m));
  const byRecord = new Map<number, AccountContact[]>();
  contacts.rows.forEach((row, i) => {
    const owner = joined.owner[i] as number;
    if (owner < 0) return;
    const title = row[titleAt] ?? '';
    const c = classify(title);
    const contact = {
      seniority: c.seniority,
      function: c.function,
      title,
      role: roleAt < 0 ? '' : (row[roleAt] ?? ''),
      source: sourceAt === undefined ? '' : (row[sourceAt] ?? ''),
    };
    let list = byRecord.get(owner);
    if (!list) byRecord.set(owner, (list = []));
    list.push(contact);
  });
  return { byRecord, matched: joined.matched };
}
