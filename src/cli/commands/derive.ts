import { resolve } from 'node:path';
import { derive, type DeriveOptions, type DeriveResult } from '../../core/derive/derive.js';
import { IcpError, UsageError } from '../../errors.js';
import { OVERWRITE_HINT } from '../../io/output/atomic-write.js';
import { exists } from '../../io/exists.js';
import { readTable } from '../../io/csv/read-table.js';
import { stringifyIcp, writeIcp } from '../../io/yaml.js';
import { renderDerive, renderDeriveMarkdown } from '../../render/derive.js';
import type { CommandContext } from '../context.js';
import { reportDeriveWarnings } from '../derive-warnings.js';
import { csvOptions, inputPath, oneStdin } from '../input.js';
import { Progress } from '../progress.js';
import { readJoinedDeals } from '../join-deals.js';
import { addPersonas, checkContactRoles, checkPeopleFiles, dealsKeptFor } from '../derive-personas.js';
import type { CommandInput } from '../command-module.js';
import type { DERIVE_OPTIONS } from '../options/derive.js';
import type { OptionValues } from '../options/spec.js';
import { plural } from '../../core/plural.js';
import { mapFor } from '../../core/columns/file-maps.js';

type DeriveValues = OptionValues<typeof DERIVE_OPTIONS>;
type Recorded = Record<string, string | number | boolean | null | string[]>;

/** derive's options as core takes them, and as the ICP file records them (so that a re-derive derives alike). */
export function deriveOptions(o: DeriveValues): { options: DeriveOptions; recorded: Recorded } {
  const options: DeriveOptions = {
    top: o.top,
    alpha: o.alpha,
    minSupport: o.minSupport,
    maxCriteria: o.maxCriteria,
    minLift: o.minLift,
    value: o.value,
    outcome: o.outcome,
    key: o.key,
    since: o.since,
    until: o.until,
    attributes: o.attributes,
    exclude: o.exclude,
    allow: o.allow,
    // The contacts' columns (job_title, ...) are not the customers' or the deals': addPersonas takes them.
    map: mapFor('records', o.map),
    ...(o.name !== undefined && { name: o.name }),
    ...(o.fast && { fast: true }),
    ...(o.seed !== undefined && { seed: o.seed }),
  };
  return { options, recorded: recordedOf({ ...options, map: o.map }) };
}

/** The options in the words of the command line, for the ICP file: what was given, and the thresholds always. */
function recordedOf(options: DeriveOptions): Recorded {
  const { top, key, map } = options;
  const recorded: Recorded = {
    top: 'percent' in top ? `${top.percent}%` : String(top.count),
    alpha: options.alpha,
    min_support: options.minSupport,
    max_criteria: options.maxCriteria,
    min_lift: options.minLift,
  };
  const copy = (name: string, value: string | string[] | undefined) => {
    if (value !== undefined) recorded[name] = value;
  };
  copy('value', options.value);
  copy('outcome', options.outcome);
  copy('key', key && (key.none ? 'none' : key.deal === undefined ? key.customer : `${key.customer}=${key.deal}`));
  copy('since', options.since === undefined ? undefined : dayText(options.since));
  copy('until', options.until === undefined ? undefined : dayText(options.until, true));
  copy('attributes', options.attributes);
  copy('exclude', options.exclude);
  copy('allowed', options.allow);
  copy('map', map && map.size > 0 ? [...map].map(([role, header]) => `${role}=${header}`) : undefined);
  if (options.fast) recorded.fast = true;
  if (options.seed !== undefined) recorded.seed = options.seed;
  return recorded;
}

/** A date option as it reads back: the day (YYYY-MM-DD) when it is one, else the ISO time; `--until`'s day ends at its last ms. */
function dayText(ms: number, endOfDay = false): string {
  const iso = new Date(endOfDay ? ms - 86_400_000 + 1 : ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

export const THREADS_IGNORED = '--threads is ignored: derive joins the deals on one thread (the option goes in the next release)';

/** Before any work: the files derive writes do not exist (unless --force), and --profile names a file. */
async function checkOutputs(output: string, profile: string | undefined, force: boolean, ctx: CommandContext): Promise<void> {
  if (profile === '-') throw new UsageError('--profile writes a file: give its name', { hint: 'e.g. --profile icp-profile.html' });
  for (const file of [output, profile]) {
    if (file !== undefined && file !== '-' && !force && (await exists(resolve(ctx.cwd, file))))
      throw new IcpError(`${file} already exists`, { hint: OVERWRITE_HINT });
  }
}

/** `icp derive`: mine the ICP from customers (and deals), save icp.yaml, and say what was found. */
export async function run({ args, options: o }: CommandInput<typeof DERIVE_OPTIONS>, ctx: CommandContext): Promise<number> {
  const { options, recorded } = deriveOptions(o);
  // --threads is accepted for scripts that pass it, for one release: one thread joins the deals.
  if (o.threads !== undefined && !ctx.quiet) ctx.stderr.write(`note: ${THREADS_IGNORED}\n`);
  if (options.since !== undefined && options.until !== undefined && options.since > options.until) {
    throw new UsageError('--since is after --until', { hint: 'the window is --since <first day> --until <last day>' });
  }
  oneStdin({ '<customers>': args[0], '--deals': o.deals, '--contacts': o.contacts, '--contact-roles': o.contactRoles });
  const people = { contacts: o.contacts, titles: o.titles, contactRoles: o.contactRoles };
  checkPeopleFiles(people, o.deals);
  await checkContactRoles(people, o.map, csvOptions(o, ctx), ctx);
  const { output } = o;
  const outPath = output === '-' ? '-' : resolve(ctx.cwd, output);
  await checkOutputs(output, o.profile, o.force, ctx);
  const read = csvOptions(o, ctx);
  const progress = new Progress(ctx.stderr, ctx.stderrIsTTY && !ctx.quiet, 'derive:');
  const customers = await readTable(inputPath(args[0] as string, ctx), read, (n, name) => progress.rows(n, name));
  // Deals are joined and summed as they are read: a year of deals is never held in memory.
  const dealsPath = o.deals ? inputPath(o.deals, ctx) : undefined;
  const dealsName = o.deals === '-' ? '<stdin>' : String(o.deals);
  const joinedDeals =
    dealsPath === undefined
      ? undefined
      : await readJoinedDeals(dealsPath, read, customers, options, {
          log: ctx.verbose ? (line) => ctx.stderr.write(`${line}\n`) : undefined,
          onRows: (n) => progress.rows(n, dealsName),
          ...dealsKeptFor(people, o.map, dealsName),
        });
  const onProgress = (step: string, done: number, total: number) => progress.show(`${step} ${done} of ${total}`);
  const result: DeriveResult = derive({
    customers,
    joinedDeals,
    options: { ...options, onProgress },
    generatedAt: ctx.now().toISOString(),
    recordedOptions: recorded,
  });
  progress.done();
  await addPersonas(result, customers, { files: people, map: o.map, deals: joinedDeals }, options, read, ctx);
  reportDeriveWarnings(result, ctx);
  const { format } = o;
  if (o.profile !== undefined) {
    // Loaded only for --profile: the page's charts (Observable Plot, linkedom) take 0.3 s to load.
    const { writeDerivedProfile } = await import('../profile-page.js');
    await writeDerivedProfile(o.profile, result.doc, output === '-' ? '<stdout>' : output, ctx);
  }
  if (outPath === '-') {
    // -o - puts the ICP itself on stdout: YAML, or JSON when asked for.
    ctx.stdout.write(format === 'json' ? JSON.stringify(result.doc, null, 2) + '\n' : stringifyIcp(result.doc));
    return 0;
  }
  await writeIcp(outPath, result.doc, { force: o.force, displayPath: output });
  if (!ctx.quiet) ctx.stderr.write(`wrote ${output} (${result.doc.status}, ${plural(result.doc.criteria.length, 'criterion', 'criteria')})\n`);
  if (format === 'json') ctx.stdout.write(JSON.stringify(result.doc, null, 2) + '\n');
  else if (format === 'yaml') ctx.stdout.write(stringifyIcp(result.doc));
  else if (format === 'md') ctx.stdout.write(renderDeriveMarkdown(result));
  else ctx.stdout.write(renderDerive(result, ctx.color));
  return 0;
}
