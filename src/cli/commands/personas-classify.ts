import { assignRoles } from '../../core/columns/roles.js';
import { titleColumnOf } from '../../core/personas/account-contacts.js';
import { type ClassifyTally, classifyColumns, newClassifyTally, PERSONA_COLUMNS, tallyClass } from '../../core/personas/classify-rows.js';
import { compileTitles } from '../../core/personas/classify-title.js';
import { IcpError } from '../../errors.js';
import { type CsvFile, openCsv } from '../../io/csv/csv-reader.js';
import type { RecordBatch } from '../../io/csv/record-batch.js';
import { renderClassifySummary } from '../../render/personas.js';
import type { CommandInput } from '../command-module.js';
import type { CommandContext } from '../context.js';
import { csvOptions, inputPath } from '../input.js';
import type { CLASSIFY_OPTIONS } from '../options/personas.js';
import { Progress } from '../progress.js';
import { openRowSink, type RowSink, writeRows } from '../row-sink.js';
import { readTitles } from '../titles.js';

/** The job title column of the contacts: its role (aliases, or --map job_title=<header>), else an error. */
function titleColumn(file: CsvFile, map: ReadonlyMap<string, string>): number {
  const done = file.header.filter((h) => PERSONA_COLUMNS.includes(h));
  if (done.length > 0) {
    throw new IcpError(`${file.displayName} already has ${done.join(', ')}: it was classified before`, { hint: 'classify the original export' });
  }
  return titleColumnOf(file.header, assignRoles(file.header, map as never, file.displayName), file.displayName);
}

/** Writes every row of the batches with its persona columns; false when the reader went away (| head). */
async function classifyAll(
  file: CsvFile,
  col: number,
  classify: (title: string) => readonly string[],
  sink: RowSink,
  tally: ClassifyTally,
  progress: Progress,
) {
  const write = async (batch: RecordBatch): Promise<boolean> => {
    for (let r = batch.start; r < batch.count; r++) {
      const out = classify(batch.cell(r, col) ?? '');
      tallyClass(tally, out);
      if (!sink.writeScanned(batch, r, out) && !(await sink.drain())) return false;
    }
    progress.rows(tally.rows, file.displayName);
    return true;
  };
  for await (const batch of file.batches()) if (!(await write(batch))) return false;
  return true;
}

/** `icp personas classify`: every contact as read, plus its seniority, function and the rule that decided. */
export async function run({ args, options: o }: CommandInput<typeof CLASSIFY_OPTIONS>, ctx: CommandContext): Promise<number> {
  const matcher = compileTitles(await readTitles(o.titles, ctx));
  const file = await openCsv(inputPath(args[0] as string, ctx), { ...csvOptions(o, ctx), sha256: false });
  const col = titleColumn(file, o.map);
  const fields = file.header.length;
  const header = [...file.header, ...PERSONA_COLUMNS];
  const sink = await openRowSink(o.format, header, o, ctx, { delimiter: file.delimiter, fields, csvHeader: [...file.rawHeader, ...PERSONA_COLUMNS] });
  const progress = new Progress(ctx.stderr, ctx.stderrIsTTY && !ctx.quiet, 'classified rows:');
  const tally = newClassifyTally();
  if (!(await writeRows(sink, progress, () => classifyAll(file, col, classifyColumns(matcher), sink, tally, progress)))) return 0;
  if (!ctx.quiet) ctx.stderr.write(renderClassifySummary(tally, file.header[col] as string));
  return 0;
}
