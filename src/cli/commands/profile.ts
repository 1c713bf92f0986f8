import { resolve } from 'node:path';
import { mapFor } from '../../core/columns/file-maps.js';
import type { ColumnInfo } from '../../core/columns/infer.js';
import type { IcpDocument } from '../../core/icp/schema.js';
import { buildProfilePage } from '../../core/page/build-page.js';
import { buildReport } from '../../core/report/build-report.js';
import type { Report } from '../../core/report/report-types.js';
import { IcpError, UsageError } from '../../errors.js';
import { exists } from '../../io/exists.js';
import { OVERWRITE_HINT } from '../../io/output/atomic-write.js';
import type { CommandInput } from '../command-module.js';
import type { CommandContext } from '../context.js';
import { loadIcp } from '../load-icp.js';
import { wordOptions } from '../option-words.js';
import { PROFILE_FILE, type PROFILE_OPTIONS } from '../options/profile.js';
import type { OptionValues } from '../options/spec.js';
import { filesColumns, renderPage, writeProfilePage } from '../profile-page.js';
import { personasFromFiles } from '../personas-files.js';
import { readReportInputs } from '../report-inputs.js';
import { csvOptions, oneStdin } from '../input.js';

type ProfileValues = OptionValues<typeof PROFILE_OPTIONS>;

/**
 * The report behind the outcome sections, by buildReport on the files given (icp report's own code), and the
 * columns of those files for the gaps; nothing with the ICP file alone.
 */
async function outcomes(doc: IcpDocument, o: ProfileValues, ctx: CommandContext): Promise<{ report?: Report; columns?: ColumnInfo[] }> {
  if (o.customers === undefined) {
    const given = (['deals', 'leads', 'spend'] as const).filter((k) => o[k] !== undefined);
    if (given.length > 0)
      throw new UsageError(`--${given.join(', --')} ${given.length > 1 ? 'need' : 'needs'} --customers`, {
        hint: 'give the customers export the ICP applies to',
      });
    return {};
  }
  oneStdin({ '--customers': o.customers, '--deals': o.deals, '--leads': o.leads, '--spend': o.spend });
  const window = { since: undefined, until: undefined };
  const { customers, leads, spend, deals } = await readReportInputs({ ...o, customers: o.customers }, window, ctx);
  const { report, warnings } = buildReport({ doc, customers, deals, leads, spend, options: { map: mapFor('records', o.map) } });
  report.notes = report.notes.map(wordOptions);
  for (const w of warnings) ctx.warn(w);
  return { report, columns: filesColumns(customers, deals, mapFor('records', o.map)) };
}

/** --contacts: the personas of the best customers, ranked with the options the ICP file recorded, on the page's ICP. */
async function withPersonas(doc: IcpDocument, o: ProfileValues, ctx: CommandContext): Promise<IcpDocument> {
  if (o.contacts === undefined) {
    if (o.contactRoles !== undefined)
      throw new UsageError('--contact-roles needs --contacts and --deals', { hint: 'the contact roles put the contacts on the deals' });
    return doc;
  }
  if (o.customers === undefined)
    throw new UsageError('--contacts needs --customers', { hint: 'the personas are those of the best customers: give the customers export' });
  if (o.customers === '-' || o.deals === '-') throw new UsageError('with --contacts the customers and deals are read twice: give them as files');
  const files = { customers: o.customers, deals: o.deals, contacts: o.contacts, titles: o.titles, contactRoles: o.contactRoles };
  return { ...doc, personas: await personasFromFiles(files, doc.options ?? {}, o.map, csvOptions(o, ctx), ctx) };
}

/** `icp profile`: the one-page ICP document (HTML, Markdown or JSON) from the ICP file, and the data files if given. */
export async function run({ options: o }: CommandInput<typeof PROFILE_OPTIONS>, ctx: CommandContext): Promise<number> {
  const output = o.output ?? PROFILE_FILE[o.format];
  const outPath = output === '-' ? '-' : resolve(ctx.cwd, output);
  if (outPath !== '-' && !o.force && (await exists(outPath))) throw new IcpError(`${output} already exists`, { hint: OVERWRITE_HINT });
  const doc = await withPersonas(await loadIcp(o.icp, ctx), o, ctx);
  const { report, columns } = await outcomes(doc, o, ctx);
  const input = { doc, icpFile: o.icp, title: o.title, report, columns };
  if (outPath === '-') {
    ctx.stdout.write(renderPage(buildProfilePage({ ...input, generatedAt: ctx.now().toISOString() }), o.format));
    return 0;
  }
  const page = await writeProfilePage(outPath, output, input, o.format, ctx);
  if (!ctx.quiet) ctx.stderr.write(`wrote ${output} (${o.format}): ${page.headline.sentence}\n`);
  return 0;
}
