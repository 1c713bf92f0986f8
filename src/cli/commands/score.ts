import { parseRoleMap } from '../../core/columns/roles.js';
import { compileIcp, type CompiledIcp } from '../../core/score/compile.js';
import { scoreRow } from '../../core/score/score-row.js';
import { meetsTier, newTally, tallyRow } from '../../core/score/tally.js';
import { IcpError, UsageError } from '../../errors.js';
import { openCsv, type CsvRow } from '../../io/csv-reader.js';
import { renderScoreSummary, renderScoreTable } from '../../render/score.js';
import type { CommandContext } from '../context.js';
import { csvOptions, inputPath } from '../input.js';
import type { CommandInput } from '../registry.js';
import { loadIcp } from '../load-icp.js';
import { openRowSink, type RowSink } from '../row-sink.js';

const SCORE_COLUMNS = ['icp_score', 'icp_tier', 'icp_matched', 'icp_unknown'];
// Rows read before scoring starts, to learn each column's decimal mark and date format.
const SAMPLE_ROWS = 1000;

type Format = 'csv' | 'tsv' | 'json' | 'ndjson' | 'table';

function chooseFormat(o: Record<string, unknown>, ctx: CommandContext): Format {
  if (o.format) return o.format as Format;
  return ctx.stdoutIsTTY && !o.output ? 'table' : 'csv';
}

/** The score columns of one row; reasons only with --explain. */
function scoreCells(compiled: CompiledIcp, cells: readonly string[], explain: boolean) {
  const reasons: string[] | undefined = explain ? [] : undefined;
  const s = scoreRow(compiled, cells, reasons);
  const label = (i: number) => compiled.criteria[i]?.criterion.label ?? '';
  const out = [String(s.score), s.tier, s.matched.map(label).join('; '), s.unknown.map(label).join('; ')];
  if (reasons) out.push(reasons.join('; '));
  return { score: s, out };
}

/** `icp score`: every input row, as read, plus its score, tier and why. Streams unless --sort or table. */
export async function run({ args, options: o }: CommandInput, ctx: CommandContext): Promise<number> {
  const format = chooseFormat(o, ctx);
  const explain = Boolean(o.explain);
  const minTier = o.minTier as 'A' | 'B' | 'C' | 'D' | undefined;
  if (o.delimiter !== undefined && [...String(o.delimiter)].length !== 1 && o.delimiter !== '\\t') {
    throw new UsageError(`--delimiter expects one character, got "${String(o.delimiter)}"`);
  }
  const doc = await loadIcp(o.icp as string | undefined, ctx);
  const file = await openCsv(inputPath(args[0] as string, ctx), csvOptions(o, ctx));
  const rows = file.rows()[Symbol.asyncIterator]();
  const sample: CsvRow[] = [];
  while (sample.length < SAMPLE_ROWS) {
    const next = await rows.next();
    if (next.done) break;
    sample.push(next.value);
  }
  const compiled = compileIcp(doc, file.header, sample.map((r) => r.cells), parseRoleMap(o.map as string[] | undefined));
  const missing = compiled.criteria.filter((c) => c.column === undefined);
  for (const c of missing) {
    ctx.warn({ file: file.displayName, message: `no column for "${c.criterion.label}" (${c.criterion.column}): unknown for every row` });
  }
  if (doc.criteria.length > 0 && missing.length === compiled.criteria.length) {
    throw new IcpError(`${file.displayName} has none of the ICP's columns (${doc.criteria.map((c) => c.column).join(', ')})`, {
      hint: 'map them with --map role=Header, e.g. --map industry="Sector"',
    });
  }
  const header = [...file.header, ...SCORE_COLUMNS, ...(explain ? ['icp_reasons'] : [])];
  const tally = newTally(compiled);
  const sink: RowSink = await openRowSink(format, header, o, ctx);
  const buffered: { cells: string[]; score: number; index: number }[] = [];
  const keep = format === 'table' || Boolean(o.sort);
  let index = 0;
  try {
    const handle = async (row: CsvRow): Promise<boolean> => {
      const cells = row.cells.length < file.header.length ? [...row.cells, ...new Array<string>(file.header.length - row.cells.length).fill('')] : row.cells;
      const { score, out } = scoreCells(compiled, cells, explain);
      tallyRow(tally, score);
      if (minTier && !meetsTier(score.tier, minTier)) {
        tally.dropped++;
        return true;
      }
      // Score columns sit at the header's positions even in a malformed long row; its extra cells follow.
      const line = [...cells.slice(0, file.header.length), ...out, ...cells.slice(file.header.length)];
      if (keep) buffered.push({ cells: line, score: score.score, index: index++ });
      else if (!sink.write(line)) return sink.drain();
      return true;
    };
    let open = true;
    for (const row of sample) if (open) open = await handle(row);
    while (open) {
      const next = await rows.next();
      if (next.done) break;
      open = await handle(next.value);
    }
    if (!open) {
      await rows.return?.();
      return 0; // the reader went away (| head): that is success
    }
    if (o.sort) buffered.sort((a, b) => b.score - a.score || a.index - b.index);
    if (format === 'table') {
      const name = file.header.findIndex((_, i) => compiled.criteria.every((c) => c.column !== i) && /name|company|account|email/i.test(file.header[i] ?? ''));
      sink.raw(renderScoreTable(header, buffered.map((b) => b.cells), name >= 0 ? name : undefined, ctx.color));
    } else {
      for (const b of buffered) if (!sink.write(b.cells) && !(await sink.drain())) break;
    }
    await sink.end();
  } catch (error) {
    await sink.abort();
    throw error;
  }
  const dropped = minTier ? `--min-tier ${minTier}: dropped ${tally.dropped} rows below it` : undefined;
  if (!ctx.quiet) ctx.stderr.write(renderScoreSummary(tally, compiled, dropped ? { dropped } : {}));
  return 0;
}
