import type { RoleAssignment } from '../columns/roles.js';
import { memoize } from '../memoize.js';
import type { CustomerRecord } from '../profile/customers.js';
import { candidatePairs, type Pair } from '../profile/join.js';
import { normalizeKey } from '../profile/keys.js';
import type { Table } from '../table.js';
import { IcpError } from '../../errors.js';
import { mapInto } from '../typed-arrays.js';

/** The contacts joined to the customers: each contact's customer (index into the records; -1 for none). */
export interface JoinedContacts {
  owner: Int32Array;
  matched: number;
  pair: Pair;
  customerHeader: string;
  contactHeader: string;
}

/** Key -> customer record, by one customers column (each record by every row it has). */
function recordsByKey(customers: Table, records: readonly CustomerRecord[], column: number, normalize: (raw: string) => string): Map<string, number> {
  const byKey = new Map<string, number>();
  records.forEach((record, r) => {
    for (const row of record.rows) {
      const key = normalize(customers.rows[row]?.[column] ?? '');
      if (key !== '' && !byKey.has(key)) byKey.set(key, r);
    }
  });
  return byKey;
}

/**
 * Joins contacts to customers as deals are joined: every candidate pair of key columns (an account id or
 * name role in the contacts against the customers' id or name) is counted, and the pair that matches the
 * most contacts wins (the earlier pair on a tie). An error when no pair is there, or none matches.
 */
export function joinContacts(
  customers: Table,
  cRoles: RoleAssignment,
  records: readonly CustomerRecord[],
  contacts: Table,
  kRoles: RoleAssignment,
): JoinedContacts {
  const pairs = candidatePairs(customers, cRoles, contacts, kRoles);
  if (pairs.length === 0) {
    throw new IcpError(`no column of ${contacts.name} names a company of ${customers.name}`, {
      hint: 'name the company column with ⟨map⟩ account_id=<header> (or account_name=<header>)',
    });
  }
  const normalize = memoize(normalizeKey);
  let best: { pair: Pair; owner: Int32Array; matched: number } | undefined;
  for (const pair of pairs) {
    const byKey = recordsByKey(customers, records, pair.customer, normalize);
    const owner = mapInto(new Int32Array(contacts.rows.length), contacts.rows, (row) => byKey.get(normalize(row[pair.deal] ?? '')) ?? -1);
    const matched = owner.reduce((n, o) => n + (o >= 0 ? 1 : 0), 0);
    if (!best || matched > best.matched) best = { pair, owner, matched };
  }
  const chosen = best as { pair: Pair; owner: Int32Array; matched: number };
  if (chosen.matched === 0) {
    throw new IcpError(`no contact of ${contacts.name} joins a customer of ${customers.name}`, {
      hint: 'check that the contacts export names the companies as the customers file does, or map the columns with ⟨map⟩',
    });
  }
  const { pair } = chosen;
  return { ...chosen, customerHeader: customers.header[pair.customer] as string, contactHeader: contacts.header[pair.deal] as string };
}
