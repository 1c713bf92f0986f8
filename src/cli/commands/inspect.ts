import { inspectReport } from '../../core/columns/inspect-report.js';
import { ColumnProfiler } from '../../core/columns/profiler.js';
import { assignRoles, parseRoleMap } from '../../core/columns/roles.js';
import { openCsv } from '../../io/csv-reader.js';
import { renderInspect } from '../../render/inspect.js';
import type { CommandContext } from '../context.js';
import { csvOptions, inputPath } from '../input.js';
import type { CommandInput } from '../registry.js';
import { agree, plural } from '../../core/plural.js';

/** `icp inspect <file>`: how icp reads each column, and what the file can tell about an ICP. */
export async function run({ args, options }: CommandInput, ctx: CommandContext): Promise<number> {
  const file = await openCsv(inputPath(args[0] as string, ctx), csvOptions(options, ctx));
  const roles = assignRoles(file.header, parseRoleMap(options.map as string[] | undefined), file.displayName);
  const profiler = new ColumnProfiler(file.header, roles);
  for await (const row of file.rows()) profiler.add(row.cells);
  const profiles = profiler.finish();
  for (const p of profiles) {
    for (const note of p.notes) ctx.warn({ message: `${note}`, file: file.displayName, column: p.header });
    if (p.invalid > 0) {
      ctx.warn({ message: `${plural(p.invalid, 'cell')} ${agree(p.invalid, 'is', 'are')} not a valid ${p.type}`, file: file.displayName, column: p.header });
    }
  }
  const report = inspectReport(
    { file: file.displayName, rows: file.stats().rows, delimiter: file.delimiter, encoding: file.encoding },
    profiles,
  );
  if (options.format === 'json') ctx.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else ctx.stdout.write(renderInspect(report, ctx.color));
  return 0;
}
