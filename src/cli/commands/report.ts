import { resolve } from 'node:path';
import { parseRoleMap } from '../../core/columns/roles.js';
import { TIER_NAMES, type Tier } from '../../core/icp/tiers.js';
import { buildReport, type ReportOptions } from '../../core/report/build-report.js';
import type { Report } from '../../core/report/report-types.js';
import type { Table } from '../../core/table.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { readTable } from '../../io/read-table.js';
import { renderReport } from '../../render/report.js';
import { renderReportMarkdown } from '../../render/report-markdown.js';
import type { CommandContext } from '../context.js';
import { csvOptions, inputPath } from '../input.js';
import { loadIcp } from '../load-icp.js';
import { dateOption, listOption } from '../parse-options.js';
import type { CommandInput } from '../registry.js';

/**
 * `--icp-tiers A,B`: the tiers that count as ICP; a usage error for anything but A-D. Not given: undefined,
 * so that the report takes its default (A and B, or those of them the ICP file has).
 */
export function icpTiersOption(raw: unknown): Tier[] | undefined {
  const items = listOption(raw);
  if (items === undefined) return undefined;
  const tiers = [...new Set(items.map((t) => t.toUpperCase()))];
  const bad = tiers.filter((t) => !(TIER_NAMES as readonly string[]).includes(t));
  if (bad.length > 0 || tiers.length === 0) {
    throw new UsageError(`--icp-tiers expects tiers among A, B, C, D such as "A,B", got "${String(raw)}"`);
  }
  return TIER_NAMES.filter((t) => tiers.includes(t));
}

/** Reads and checks report's options before any file is read. */
export function reportOptions(o: Record<string, unknown>): ReportOptions {
  if (o.customers === undefined) throw new UsageError('--customers <file> is required', { hint: 'e.g. icp report --customers accounts.csv --deals deals.csv' });
  const icpTiers = icpTiersOption(o.icpTiers);
  const options: ReportOptions = {
    ...(icpTiers && { icpTiers }),
    since: dateOption(o.since, '--since'),
    until: dateOption(o.until, '--until', true),
    map: parseRoleMap(o.map as string[] | undefined),
  };
  if (options.since !== undefined && options.until !== undefined && options.since > options.until) {
    throw new UsageError(`--since ${String(o.since)} is after --until ${String(o.until)}`);
  }
  const stdin = ['customers', 'deals', 'leads', 'spend'].filter((k) => o[k] === '-');
  if (stdin.length > 1) throw new UsageError(`only one input can be read from stdin ("-"), got --${stdin.join(' and --')}`);
  return options;
}

/** The report in the chosen format. */
function render(report: Report, format: string, color: boolean): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  if (format === 'md') return renderReportMarkdown(report);
  return renderReport(report, color);
}

/** `icp report`: ICP vs non-ICP outcomes (win rate, cycle, CLV, conversion, CAC), tier by tier, with tests. */
export async function run({ options: o }: CommandInput, ctx: CommandContext): Promise<number> {
  const options = reportOptions(o);
  const format = (o.format as string | undefined) ?? 'table';
  const doc = await loadIcp(o.icp as string | undefined, ctx);
  const read = csvOptions(o, ctx);
  const table = (flag: string): Promise<Table | undefined> => {
    const path = o[flag] as string | undefined;
    return path === undefined ? Promise.resolve(undefined) : readTable(inputPath(path, ctx), path === '-' ? read : { ...read, stdin: undefined });
  };
  const customers = (await table('customers')) as Table;
  const [deals, leads, spend] = [await table('deals'), await table('leads'), await table('spend')];
  const { report, warnings } = buildReport({ doc, customers, deals, leads, spend, options });
  for (const w of warnings) ctx.warn(w);
  const output = o.output as string | undefined;
  if (output === undefined || output === '-') {
    ctx.stdout.write(render(report, format, ctx.color));
    return 0;
  }
  await writeFileAtomic(resolve(ctx.cwd, output), render(report, format, false), { displayPath: output });
  if (!ctx.quiet) ctx.stderr.write(`wrote ${output} (${format}); ${report.verdict}\n`);
  return 0;
}
