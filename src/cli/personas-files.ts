import type { Role } from '../core/columns/roles.js';
import { derive } from '../core/derive/derive.js';
import type { PersonasSection } from '../core/icp/persona-schema.js';
import type { CsvReadOptions } from '../io/csv/csv-read-options.js';
import { readTable } from '../io/csv/read-table.js';
import { deriveOptions } from './commands/derive.js';
import type { CommandContext } from './context.js';
import { addPersonas, checkContactRoles, checkPeopleFiles, dealsKeptFor } from './derive-personas.js';
import { inputPath, oneStdin, readOptionsFor } from './input.js';
import { readJoinedDeals } from './join-deals.js';
import { Progress } from './progress.js';
import { recordedDeriveOptions } from './recorded-options.js';

/**
 * The personas of the best customers from the files: the customers ranked as derive ranks them (with the
 * options an ICP file recorded, `recorded`, else derive's defaults), fast (only the ranking is needed, not the
 * criteria), then the contacts searched (personasSection). For icp personas and icp profile --contacts.
 */
export async function personasFromFiles(
  files: { customers: string; deals: string | undefined; contacts: string; titles: string | undefined; contactRoles?: string | undefined },
  recorded: Readonly<Record<string, unknown>>,
  map: ReadonlyMap<Role, string>,
  read: CsvReadOptions,
  ctx: CommandContext,
): Promise<PersonasSection> {
  oneStdin({ '--customers': files.customers, '--deals': files.deals, '--contacts': files.contacts, '--contact-roles': files.contactRoles });
  checkPeopleFiles(files, files.deals);
  const values = recordedDeriveOptions(recorded, map, true);
  await checkContactRoles(files, values.map, read, ctx);
  const { options } = deriveOptions(values);
  const progress = new Progress(ctx.stderr, ctx.stderrIsTTY && !ctx.quiet, 'personas:');
  const only = (path: string) => readOptionsFor(path, read);
  const customers = await readTable(inputPath(files.customers, ctx), only(files.customers), (n, name) => progress.rows(n, name));
  const { deals } = files;
  const joinedDeals =
    deals === undefined
      ? undefined
      : await readJoinedDeals(inputPath(deals, ctx), only(deals), customers, options, {
          onRows: (n) => progress.rows(n, deals),
          ...dealsKeptFor(files, values.map, deals),
        });
  const result = derive({ customers, joinedDeals, options: { ...options, fast: true }, generatedAt: ctx.now().toISOString(), recordedOptions: {} });
  progress.done();
  await addPersonas(result, customers, { files, map: values.map, deals: joinedDeals }, options, read, ctx);
  return result.doc.personas as PersonasSection;
}
