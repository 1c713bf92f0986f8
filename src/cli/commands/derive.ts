import { resolve } from 'node:path';
import { derive, type DeriveOptions, type DeriveResult } from '../../core/derive/derive.js';
import { parseRoleMap } from '../../core/columns/roles.js';
import { IcpError, UsageError } from '../../errors.js';
import { OVERWRITE_HINT } from '../../io/atomic-write.js';
import { exists } from '../../io/exists.js';
import { readTable } from '../../io/read-table.js';
import { stringifyIcp, writeIcp } from '../../io/yaml.js';
import { renderDerive, renderDeriveMarkdown } from '../../render/derive.js';
import type { CommandContext } from '../context.js';
import { reportDeriveWarnings } from '../derive-warnings.js';
import { csvOptions, inputPath } from '../input.js';
import { Progress } from '../progress.js';
import { readJoinedDeals } from '../join-deals.js';
import { dateOption, keyOption, listOption, numberOption, parseTop } from '../parse-options.js';
import type { CommandInput } from '../command-module.js';
import { plural } from '../../core/plural.js';

/** Reads and checks derive's options; every mistake is a usage error before any file is read. */
export function deriveOptions(o: Record<string, unknown>): { options: DeriveOptions; recorded: Record<string, string | number | boolean | null | string[]> } {
  const options: DeriveOptions = {
    top: parseTop(o.top as string | undefined),
    alpha: numberOption(o.alpha, '--alpha', 0.05, (n) => n > 0 && n < 1, 'a number between 0 and 1'),
    minSupport: numberOption(o.minSupport, '--min-support', 0.05, (n) => n > 0, 'a share such as 0.05 or a count'),
    maxCriteria: numberOption(o.maxCriteria, '--max-criteria', 8, (n) => Number.isInteger(n) && n >= 1 && n <= 30, 'a whole number from 1 to 30'),
    minLift: numberOption(o.minLift, '--min-lift', 1.5, (n) => n > 1, 'a ratio above 1'),
    value: o.value as string | undefined,
    outcome: o.outcome as string | undefined,
    key: keyOption(o.key),
    since: dateOption(o.since, '--since'),
    until: dateOption(o.until, '--until', true),
    attributes: listOption(o.attributes),
    exclude: listOption(o.exclude),
    allow: listOption(o.allow),
    map: parseRoleMap(o.map as string[] | undefined),
    ...(o.name !== undefined && { name: String(o.name) }),
    ...(o.fast === true && { fast: true }),
    ...(o.seed !== undefined && {
      seed: numberOption(o.seed, '--seed', 0, (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32, 'a whole number from 0 to 4294967295'),
    }),
  };
  const recorded: Record<string, string | number | boolean | null | string[]> = {
    top: String(o.top ?? '20%'),
    alpha: options.alpha,
    min_support: options.minSupport,
    max_criteria: options.maxCriteria,
    min_lift: options.minLift,
  };
  const copy = (key: string, value: unknown) => {
    if (value !== undefined) recorded[key] = Array.isArray(value) ? value.map(String) : String(value);
  };
  copy('value', o.value);
  copy('outcome', o.outcome);
  copy('key', o.key);
  copy('since', o.since);
  copy('until', o.until);
  copy('attributes', options.attributes);
  copy('exclude', options.exclude);
  copy('allowed', options.allow);
  copy('map', o.map);
  if (options.fast) recorded.fast = true;
  if (options.seed !== undefined) recorded.seed = options.seed;
  return { options, recorded };
}

export const THREADS_IGNORED = '--threads is ignored: derive joins the deals on one thread (the option goes in the next release)';

/** `icp derive`: mine the ICP from customers (and deals), save icp.yaml, and say what was found. */
export async function run({ args, options: o }: CommandInput, ctx: CommandContext): Promise<number> {
  const { options, recorded } = deriveOptions(o);
  // --threads is accepted for scripts that pass it, for one release: one thread joins the deals.
  if (o.threads !== undefined && !ctx.quiet) ctx.stderr.write(`note: ${THREADS_IGNORED}\n`);
  if (options.since !== undefined && options.until !== undefined && options.since > options.until) {
    throw new UsageError('--since is after --until', { hint: 'the window is --since <first day> --until <last day>' });
  }
  if (args[0] === '-' && o.deals === '-') throw new UsageError('only one input can be read from stdin', { hint: 'give the deals as a file' });
  const output = (o.output as string | undefined) ?? 'icp.yaml';
  const outPath = output === '-' ? '-' : resolve(ctx.cwd, output);
  if (outPath !== '-' && !o.force && (await exists(outPath))) {
    throw new IcpError(`${output} already exists`, { hint: OVERWRITE_HINT });
  }
  const read = csvOptions(o, ctx);
  const progress = new Progress(ctx.stderr, ctx.stderrIsTTY && !ctx.quiet, 'derive:');
  const customers = await readTable(inputPath(args[0] as string, ctx), read, (n, name) => progress.rows(n, name));
  // Deals are joined and summed as they are read: a year of deals is never held in memory.
  const dealsPath = o.deals ? inputPath(o.deals as string, ctx) : undefined;
  const dealsName = o.deals === '-' ? '<stdin>' : String(o.deals);
  const joinedDeals =
    dealsPath === undefined
      ? undefined
      : await readJoinedDeals(dealsPath, read, customers, options, ctx.verbose ? (line) => ctx.stderr.write(`${line}\n`) : undefined, (n) =>
          progress.rows(n, dealsName),
        );
  const onProgress = (step: string, done: number, total: number) => progress.show(`${step} ${done} of ${total}`);
  const result: DeriveResult = derive({
    customers,
    joinedDeals,
    options: { ...options, onProgress },
    generatedAt: ctx.now().toISOString(),
    recordedOptions: recorded,
  });
  progress.done();
  reportDeriveWarnings(result, ctx);
  const format = o.format as string | undefined;
  if (outPath === '-') {
    // -o - puts the ICP itself on stdout: YAML, or JSON when asked for.
    ctx.stdout.write(format === 'json' ? JSON.stringify(result.doc, null, 2) + '\n' : stringifyIcp(result.doc));
    return 0;
  }
  await writeIcp(outPath, result.doc, { force: Boolean(o.force), displayPath: output });
  if (!ctx.quiet) ctx.stderr.write(`wrote ${output} (${result.doc.status}, ${plural(result.doc.criteria.length, 'criterion', 'criteria')})\n`);
  if (format === 'json') ctx.stdout.write(JSON.stringify(result.doc, null, 2) + '\n');
  else if (format === 'yaml') ctx.stdout.write(stringifyIcp(result.doc));
  else if (format === 'md') ctx.stdout.write(renderDeriveMarkdown(result));
  else ctx.stdout.write(renderDerive(result, ctx.color));
  return 0;
}
