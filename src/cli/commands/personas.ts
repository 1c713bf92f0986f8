import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../io/output/atomic-write.js';
import { renderPersonas } from '../../render/personas.js';
import type { CommandInput } from '../command-module.js';
import type { CommandContext } from '../context.js';
import { csvOptions } from '../input.js';
import { loadIcp } from '../load-icp.js';
import type { PERSONAS_OPTIONS } from '../options/personas.js';
import { personasFromFiles } from '../personas-files.js';

/** `icp personas`: who buys at the best customers, from a contacts export (personasFromFiles). */
export async function run({ options: o }: CommandInput<typeof PERSONAS_OPTIONS>, ctx: CommandContext): Promise<number> {
  if (o.contacts === undefined || o.customers === undefined) {
    throw new UsageError('icp personas needs --contacts <file> and --customers <file>', {
      hint: 'or "icp personas classify <contacts>" to read the titles alone',
    });
  }
  const recorded = o.icp === undefined ? {} : ((await loadIcp(o.icp, ctx)).options ?? {});
  const files = { contacts: o.contacts, customers: o.customers, deals: o.deals, titles: o.titles, contactRoles: o.contactRoles };
  const section = await personasFromFiles(files, recorded, o.map, csvOptions(o, ctx), ctx);
  const text = renderPersonas(section, o.format, o.output === undefined && ctx.color);
  if (o.output === undefined || o.output === '-') ctx.stdout.write(text);
  else await writeFileAtomic(resolve(ctx.cwd, o.output), text, { displayPath: o.output });
  return 0;
}
