import { inspectReport } from '../../core/columns/inspect-report.js';
import { ColumnProfiler } from '../../core/columns/profiler.js';
import { assignRoles } from '../../core/columns/roles.js';
import { openCsv } from '../../io/csv/csv-reader.js';
import { renderInspect } from '../../render/inspect.js';
import type { CommandContext } from '../context.js';
import { csvOptions, inputPath } from '../input.js';
import type { CommandInput } from '../command-module.js';
import type { INSPECT_OPTIONS } from '../options/small-commands.js';
import { agree, plural } from '../../core/plural.js';

/** Column notes written to stderr; a real export has a handful, a generated 200,000-column one may have one each. */
const NOTE_CAP = 100;

/** `icp inspect <file>`: how icp reads each column, and what the file can tell about an ICP. */
export async function run({ args, options }: CommandInput<typeof INSPECT_OPTIONS>, ctx: CommandContext): Promise<number> {
  const file = await openCsv(inputPath(args[0] as string, ctx), csvOptions(options, ctx));
  const roles = assignRoles(file.header, options.map, file.displayName);
  const profiler = new ColumnProfiler(file.header, roles);
  for await (const row of file.rows()) profiler.add(row.cells);
  const profiles = profiler.finish();
  // A wide file can have a note on each of 200,000 columns: stderr gets the first NOTE_CAP and a count;
  // the JSON keeps every column's notes.
  let notes = 0;
  const note = (message: string, column: string) => {
    if (++notes <= NOTE_CAP) ctx.warn({ message, file: file.displayName, column });
  };
  for (const p of profiles) {
    for (const text of p.notes) note(text, p.header);
    if (p.invalid > 0) note(`${plural(p.invalid, 'cell')} ${agree(p.invalid, 'is', 'are')} not a valid ${p.type}`, p.header);
  }
  if (notes > NOTE_CAP) {
    ctx.warn({
      message: `${plural(notes - NOTE_CAP, 'more column note')} not shown; every column's "notes" and "invalid" are in --format json`,
      file: file.displayName,
    });
  }
  const report = inspectReport({ file: file.displayName, rows: file.stats().rows, delimiter: file.delimiter, encoding: file.encoding }, profiles);
  if (options.format === 'json') ctx.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else ctx.stdout.write(renderInspect(report, ctx.color));
  return 0;
}
