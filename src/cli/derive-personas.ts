import type { DeriveOptions } from '../core/derive/derive-types.js';
import type { DeriveResult } from '../core/derive/derive.js';
import { DERIVE_SEED } from '../core/derive/derive-seed.js';
import { compileTitles } from '../core/personas/classify-title.js';
import { personasSection } from '../core/personas/personas-section.js';
import type { Table } from '../core/table.js';
import type { CsvReadOptions } from '../io/csv/csv-read-options.js';
import { readTable } from '../io/csv/read-table.js';
import type { CommandContext } from './context.js';
import { inputPath, readOptionsFor } from './input.js';
import { readTitles } from './titles.js';

/**
 * derive --contacts: the buyer personas of the customers derive just ranked, as the ICP file's `personas:`
 * section, with derive's own alpha, lift, support and seed. Nothing without --contacts.
 */
export async function addPersonas(
  result: DeriveResult,
  customers: Table,
  files: { contacts: string | undefined; titles: string | undefined },
  options: DeriveOptions,
  read: CsvReadOptions,
  ctx: CommandContext,
): Promise<void> {
  if (files.contacts === undefined) return;
  const matcher = compileTitles(await readTitles(files.titles, ctx));
  const contacts = await readTable(inputPath(files.contacts, ctx), readOptionsFor(files.contacts, read));
  result.doc.personas = personasSection({
    customers,
    records: result.customers,
    best: result.cohort,
    contacts,
    matcher,
    map: options.map,
    alpha: options.alpha,
    minLift: options.minLift,
    minSupport: options.minSupport,
    seed: options.seed ?? DERIVE_SEED,
  });
}
