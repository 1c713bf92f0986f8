import { assignRoles } from '../../core/columns/roles.js';
import { titleColumnOf } from '../../core/personas/account-contacts.js';
import { compileTitles } from '../../core/personas/classify-title.js';
import { personaMatcher, SCORE_PERSONA_COLUMNS } from '../../core/personas/match-persona.js';
import type { IcpDocument } from '../../core/icp/schema.js';
import { SAMPLE_ROWS } from '../../core/score/compile.js';
import { IcpError } from '../../errors.js';
import { openCsv, takeSample, type CsvFile } from '../../io/csv/csv-reader.js';
import type { RecordBatch } from '../../io/csv/record-batch.js';
import { renderScoreSummary } from '../../render/score.js';
import { shownColumn } from '../../core/score/shown-column.js';
import type { CommandContext } from '../context.js';
import { csvOptions, inputPath } from '../input.js';
import type { CommandInput } from '../command-module.js';
import { compileForFile, SCORE_COLUMNS } from '../compile-for-file.js';
import { loadIcp } from '../load-icp.js';
import { openRowSink, type RowSink, writeRows } from '../row-sink.js';
import { Progress } from '../progress.js';
import { RowScoring } from '../row-scoring.js';
import { readTitles } from '../titles.js';
import type { SCORE_OPTIONS, ScoreFormat } from '../options/score.js';
import type { OptionValues } from '../options/spec.js';

function chooseFormat(o: OptionValues<typeof SCORE_OPTIONS>, ctx: CommandContext): ScoreFormat {
  if (o.format) return o.format;
  return ctx.stdoutIsTTY && !o.output ? 'table' : 'csv';
}

/** --personas: the title column of a contacts file, and its persona columns against the ICP file's personas. */
async function personaOption(doc: IcpDocument, file: CsvFile, o: OptionValues<typeof SCORE_OPTIONS>, ctx: CommandContext) {
  if (!doc.personas) throw new IcpError(`${o.icp} has no personas`, { hint: 'derive it with --contacts <file> to find them' });
  const column = titleColumnOf(file.header, assignRoles(file.header, o.map, file.displayName), file.displayName);
  return { column, columns: personaMatcher(doc.personas, compileTitles(await readTitles(o.titles, ctx))) };
}

/** `icp score`: every input row, as read, plus its score, tier and why. Streams unless --sort or table. */
export async function run({ args, options: o }: CommandInput<typeof SCORE_OPTIONS>, ctx: CommandContext): Promise<number> {
  const format = chooseFormat(o, ctx);
  const { explain, minTier } = o;
  const doc = await loadIcp(o.icp, ctx);
  const file = await openCsv(inputPath(args[0] as string, ctx), { ...csvOptions(o, ctx), sha256: false });
  const batches = file.batches()[Symbol.asyncIterator]();
  // The rows read before scoring starts stay in their batches, to be scored first.
  const { held: first, sample } = await takeSample(batches, SAMPLE_ROWS);
  const persona = o.personas ? await personaOption(doc, file, o, ctx) : undefined;
  const compiled = compileForFile(doc, file, sample, o.map, ctx, persona !== undefined);
  const header = [...file.header, ...SCORE_COLUMNS, ...(explain ? ['icp_reasons'] : []), ...(persona ? SCORE_PERSONA_COLUMNS : [])];
  const fields = file.header.length;
  const csvHeader = [...file.rawHeader, ...header.slice(fields)];
  const sink: RowSink = await openRowSink(format, header, o, ctx, { delimiter: file.delimiter, fields, csvHeader });
  const progress = new Progress(ctx.stderr, ctx.stderrIsTTY && !ctx.quiet, 'scored rows:');
  const scoring = new RowScoring(compiled, sink, progress, { fields, format, sort: o.sort, minTier, explain, persona });
  const finish = () => scoring.flush(header, shownColumn(file.header, compiled), ctx.color);
  if (!(await writeRows(sink, progress, () => scoreAll(first, batches, scoring), finish))) return 0;
  const { tally } = scoring;
  const dropped = minTier ? `--min-tier ${minTier}: dropped ${tally.dropped} rows below it` : undefined;
  if (!ctx.quiet) ctx.stderr.write(renderScoreSummary(tally, compiled, dropped ? { dropped } : {}));
  return 0;
}

/** Scores the batches held by the sample, then the rest; false when the reader went away (| head). */
async function scoreAll(first: readonly RecordBatch[], batches: AsyncIterator<RecordBatch>, scoring: RowScoring): Promise<boolean> {
  let open = true;
  for (const batch of first) if (open) open = await scoring.batch(batch);
  while (open) {
    const next = await batches.next();
    if (next.done) break;
    open = await scoring.batch(next.value);
  }
  if (!open) await batches.return?.();
  return open;
}
