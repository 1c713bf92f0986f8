import type { Role } from '../core/columns/roles.js';
import type { DeriveOptions } from '../core/derive/derive-types.js';
import type { DeriveResult } from '../core/derive/derive.js';
import { DERIVE_SEED } from '../core/derive/derive-seed.js';
import { compileTitles } from '../core/personas/classify-title.js';
import { mapFor } from '../core/columns/file-maps.js';
import { contactRoleColumns } from '../core/personas/contact-role-columns.js';
import { dealIdColumn, outcomeDeals } from '../core/personas/deal-contacts.js';
import { dealPersonasSection } from '../core/personas/deal-personas.js';
import { personasSection } from '../core/personas/personas-section.js';
import type { JoinedDeals } from '../core/profile/deal-join-types.js';
import type { Table } from '../core/table.js';
import { UsageError } from '../errors.js';
import type { CsvReadOptions } from '../io/csv/csv-read-options.js';
import { openCsv } from '../io/csv/csv-reader.js';
import { readTable } from '../io/csv/read-table.js';
import type { CommandContext } from './context.js';
import { inputPath, readOptionsFor } from './input.js';
import type { DealsReadHooks } from './join-deals.js';
import { readTitles } from './titles.js';

/** The people files of derive, personas and profile: contacts, their contact roles on deals, a title dictionary. */
export interface PeopleFiles {
  contacts: string | undefined;
  titles: string | undefined;
  contactRoles?: string | undefined;
}

/** Before any file is read: --contact-roles needs --contacts and --deals. */
export function checkPeopleFiles(files: PeopleFiles, deals: string | undefined): void {
  if (files.contactRoles === undefined) return;
  if (files.contacts === undefined || deals === undefined) {
    throw new UsageError('--contact-roles needs --contacts and --deals', {
      hint: 'the contact roles put the contacts (--contacts) on the deals (--deals) that were won or lost',
    });
  }
}

/** Before the long work: the contact roles file has a deal and a contact column (its header is read, then closed). */
export async function checkContactRoles(files: PeopleFiles, map: ReadonlyMap<Role, string>, read: CsvReadOptions, ctx: CommandContext): Promise<void> {
  if (files.contactRoles === undefined || files.contactRoles === '-') return;
  const file = await openCsv(inputPath(files.contactRoles, ctx), { ...readOptionsFor(files.contactRoles, read), sha256: false });
  try {
    contactRoleColumns(file.header, mapFor('contact-roles', map), file.displayName);
  } finally {
    file.close();
  }
}

/** How the deals are read for --contact-roles: each joined deal kept with its own id (none without the option). */
export function dealsKeptFor(files: PeopleFiles, map: ReadonlyMap<Role, string>, deals: string): Pick<DealsReadHooks, 'keepCells'> {
  return files.contactRoles === undefined ? {} : { keepCells: (header) => [dealIdColumn(header, map, deals)] };
}

/**
 * derive --contacts: the buyer personas of the customers derive just ranked, as the ICP file's `personas:`
 * section, with derive's own alpha, lift, support and seed; with --contact-roles, the personas of won deals
 * too (`personas.deals`, from the deals read with dealsKeptFor). Nothing without --contacts. `map` is the whole
 * --map: each file takes its part.
 */
export async function addPersonas(
  result: DeriveResult,
  customers: Table,
  people: { files: PeopleFiles; map: ReadonlyMap<Role, string>; deals: JoinedDeals | undefined },
  options: DeriveOptions,
  read: CsvReadOptions,
  ctx: CommandContext,
): Promise<void> {
  const { files, map, deals } = people;
  if (files.contacts === undefined) return;
  const matcher = compileTitles(await readTitles(files.titles, ctx));
  const readFile = (path: string) => readTable(inputPath(path, ctx), readOptionsFor(path, read));
  const contacts = await readFile(files.contacts);
  const search = { alpha: options.alpha, minLift: options.minLift, minSupport: options.minSupport, seed: options.seed ?? DERIVE_SEED };
  const section = personasSection({ customers, records: result.customers, best: result.cohort, contacts, matcher, map, ...search });
  if (files.contactRoles !== undefined && deals !== undefined) {
    const roles = await readFile(files.contactRoles);
    section.deals = dealPersonasSection({ deals: outcomeDeals(deals, map), roles, contacts, matcher, map, ...search });
  }
  result.doc.personas = section;
}
