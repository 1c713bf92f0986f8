import { mapFor } from '../columns/file-maps.js';
import { assignRoles, type Role } from '../columns/roles.js';
import { normalizeKey } from '../profile/keys.js';
import type { JoinedDeals } from '../profile/deal-join-types.js';
import type { DealOutcome } from '../profile/stage.js';
import type { Table } from '../table.js';
import { IcpError } from '../../errors.js';
import { type AccountContact, contactReader } from './account-contacts.js';
import type { TitleMatcher } from './classify-title.js';
import { contactIdColumn, contactRoleColumns, isYes } from './contact-role-columns.js';

/** A deal as the contact roles join reads it: its own id, its outcome, the customer it joined. */
export interface OutcomeDeal {
  id: string;
  outcome: DealOutcome;
  account: string;
}

/** A closed deal with contacts: its contacts (role: their role on this deal), won or lost, its account's index, its primary contact. */
export interface DealUnit {
  contacts: AccountContact[];
  won: boolean;
  account: number;
  primary: AccountContact | undefined;
}

export interface DealContacts {
  units: DealUnit[];
  accounts: number;
  /** Contact role rows, and those that joined a closed deal and a contact. */
  rows: number;
  matched: number;
  /** Rows whose deal is not among the deals, whose deal is still open, whose contact is not in the contacts. */
  noDeal: number;
  open: number;
  noContact: number;
}

/** The contacts by their own id, each read as a persona. */
function contactsById(contacts: Table, m: TitleMatcher, map: ReadonlyMap<Role, string>): Map<string, AccountContact> {
  const read = contactReader(contacts, assignRoles(contacts.header, mapFor('contacts', map, contacts.header), contacts.name), m);
  const idAt = contactIdColumn(contacts.header, contacts.name);
  const byId = new Map<string, AccountContact>();
  for (const row of contacts.rows) {
    const id = normalizeKey(row[idAt]);
    if (id !== '' && !byId.has(id)) byId.set(id, read(row));
  }
  return byId;
}

/**
 * The contacts of each deal through a contact roles export (a row per deal and contact: Salesforce
 * OpportunityContactRole), each contact once per deal, the role cell as its buying role on that deal. An
 * error when no row names a deal of the deals file, or none a contact of the contacts file.
 */
export function contactsByDeal(deals: readonly OutcomeDeal[], roles: Table, contacts: Table, m: TitleMatcher, map: ReadonlyMap<Role, string>): DealContacts {
  const cols = contactRoleColumns(roles.header, mapFor('contact-roles', map), roles.name);
  const byId = contactsById(contacts, m, map);
  const dealAt = new Map(deals.map((d, i) => [normalizeKey(d.id), i] as const));
  const perDeal = new Map<number, { contacts: Map<string, AccountContact>; primary: AccountContact | undefined }>();
  const tally = { noDeal: 0, open: 0, noContact: 0, matched: 0 };
  for (const row of roles.rows) {
    const d = dealAt.get(normalizeKey(row[cols.deal]));
    const contactId = normalizeKey(row[cols.contact]);
    const contact = byId.get(contactId);
    if (d === undefined) tally.noDeal++;
    else if (!contact) tally.noContact++;
    else if ((deals[d] as OutcomeDeal).outcome === 'open') tally.open++;
    else {
      tally.matched++;
      let unit = perDeal.get(d);
      if (!unit) perDeal.set(d, (unit = { contacts: new Map(), primary: undefined }));
      const onDeal = { ...contact, role: cols.role === undefined ? contact.role : (row[cols.role] ?? '') };
      if (!unit.contacts.has(contactId)) unit.contacts.set(contactId, onDeal);
      if (cols.primary !== undefined && isYes(row[cols.primary])) unit.primary ??= onDeal;
    }
  }
  if (tally.noDeal === roles.rows.length && roles.rows.length > 0) {
    throw new IcpError(`no row of ${roles.name} names a deal of the deals file (column "${roles.header[cols.deal]}")`, {
      hint: 'the contact roles need the deals export of the same CRM, with its deal id column',
    });
  }
  if (tally.matched + tally.open === 0 && roles.rows.length > 0) {
    throw new IcpError(`no row of ${roles.name} names a contact of ${contacts.name} (column "${roles.header[cols.contact]}")`, {
      hint: "the contact roles' contact ids must be the contacts export's own ids",
    });
  }
  const accountIndex = new Map<string, number>();
  const units = [...perDeal]
    .sort(([a], [b]) => a - b)
    .map(([d, unit]) => {
      const deal = deals[d] as OutcomeDeal;
      if (!accountIndex.has(deal.account)) accountIndex.set(deal.account, accountIndex.size);
      return { contacts: [...unit.contacts.values()], won: deal.outcome === 'won', account: accountIndex.get(deal.account) as number, primary: unit.primary };
    });
  return { units, accounts: accountIndex.size, rows: roles.rows.length, ...tally };
}

/** The deals file's own id column (the id role: `Record ID`, `Id`, `Deal ID`), which contact roles name; an error without one. */
export function dealIdColumn(header: readonly string[], map: ReadonlyMap<Role, string>, fileName: string): number {
  const at = assignRoles(header, mapFor('records', map), fileName).byRole.get('id');
  if (at !== undefined) return at;
  throw new IcpError(`${fileName} has no deal id column for the contact roles to join on`, {
    hint: `name it with ⟨map⟩ id=<header>; columns: ${header.map((h) => JSON.stringify(h)).join(', ')}`,
  });
}

/** The deals that joined a customer, kept with their id cell (keepCells), as the contact roles join reads them. */
export function outcomeDeals(joined: Pick<JoinedDeals, 'header' | 'name' | 'matched'>, map: ReadonlyMap<Role, string>): OutcomeDeal[] {
  const at = dealIdColumn(joined.header, map, joined.name);
  return joined.matched.map((d) => ({ id: d.row[at] ?? '', outcome: d.outcome, account: d.key }));
}
