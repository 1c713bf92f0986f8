import { findHeader, parseRoleMap } from '../../core/columns/roles.js';
import type { IcpDocument } from '../../core/icp/schema.js';
import { compileIcp, SAMPLE_ROWS, type CompiledIcp } from '../../core/score/compile.js';
import { scoreRow, type RowScore } from '../../core/score/score-row.js';
import { meetsTier, newTally, tallyRow } from '../../core/score/tally.js';
import { scoredCells } from '../../core/score/scored-cells.js';
import { IcpError, UsageError } from '../../errors.js';
import { openCsvRecords, takeSample, type CsvRecords } from '../../io/csv-records.js';
import { normalizeDelimiter } from '../../io/delimiter.js';
import type { RecordBatch } from '../../io/record-batch.js';
import { renderScoreSummary, renderScoreTable } from '../../render/score.js';
import { shownColumn } from '../../core/score/shown-column.js';
import type { CommandContext } from '../context.js';
import { csvOptions, inputPath } from '../input.js';
import type { CommandInput } from '../command-module.js';
import { loadIcp } from '../load-icp.js';
import { openRowSink, type RowSink } from '../row-sink.js';
import { Progress } from '../progress.js';

const SCORE_COLUMNS = ['icp_score', 'icp_tier', 'icp_matched', 'icp_unknown'];
// A terminal table beyond this many rows helps nobody and costs time: the rest are counted, not drawn.
const TABLE_ROWS = 200;

type Format = 'csv' | 'tsv' | 'json' | 'ndjson' | 'table';

function chooseFormat(o: Record<string, unknown>, ctx: CommandContext): Format {
  if (o.format) return o.format as Format;
  return ctx.stdoutIsTTY && !o.output ? 'table' : 'csv';
}

/**
 * Scores rows: the score and the score columns, reasons only with --explain. Without reasons, rows that
 * matched and missed the same criteria get the same array of columns, built once.
 */
function rowScorer(compiled: CompiledIcp, explain: boolean): (cells: readonly string[]) => { score: RowScore; out: readonly string[] } {
  const label = (i: number) => compiled.criteria[i]?.criterion.label ?? '';
  const columns = (s: RowScore, reasons?: string[]) => {
    const out = [String(s.score), s.tier, s.matched.map(label).join('; '), s.unknown.map(label).join('; ')];
    if (reasons) out.push(reasons.join('; '));
    return out;
  };
  if (explain || compiled.criteria.length > 15) {
    return (cells) => {
      const reasons: string[] | undefined = explain ? [] : undefined;
      const score = scoreRow(compiled, cells, reasons);
      return { score, out: columns(score, reasons) };
    };
  }
  const seen = new Map<number, readonly string[]>();
  return (cells) => {
    const score = scoreRow(compiled, cells);
    let key = 0;
    for (const i of score.matched) key |= 1 << i;
    for (const i of score.unknown) key |= 1 << (i + 15);
    let out = seen.get(key);
    if (out === undefined) seen.set(key, (out = columns(score)));
    return { score, out };
  };
}

type Buffered = { cells: string[]; score: number; index: number };
const bestFirst = (a: Buffered, b: Buffered) => b.score - a.score || a.index - b.index;

function trimBest(rows: Buffered[], keep: number): void {
  rows.sort(bestFirst);
  rows.length = keep;
}

/** `icp score`: every input row, as read, plus its score, tier and why. Streams unless --sort or table. */
/** Refuses a file that was scored before: scoring it again would add a second set of icp_* columns. */
function refuseScored(file: CsvRecords): void {
  const scored = file.header.filter((h) => [...SCORE_COLUMNS, 'icp_reasons'].includes(h));
  if (scored.length === 0) return;
  throw new IcpError(`${file.displayName} already has ${scored.join(', ')}: it was scored before`, {
    hint: 'score the original export, or remove the icp_* columns first',
  });
}

/** Checks --map against the file's header. `--map role=` removes a role; it names no column to look for. */
function checkMap(map: ReadonlyMap<string, string>, file: CsvRecords): void {
  for (const [role, wanted] of map) {
    if (wanted === '' || findHeader(file.header, wanted) >= 0) continue;
    throw new UsageError(`--map ${role}=${wanted}: no column "${wanted}" in ${file.displayName}`, {
      hint: `columns: ${file.header.map((h) => JSON.stringify(h)).join(', ')}`,
    });
  }
}

/**
 * The ICP compiled against the file's header (and its first rows), with a warning for each criterion
 * whose column is missing; an error when none of them is there.
 */
function compileForFile(doc: IcpDocument, file: CsvRecords, sample: string[][], map: ReturnType<typeof parseRoleMap>, ctx: CommandContext): CompiledIcp {
  refuseScored(file);
  checkMap(map, file);
  if (doc.criteria.length === 0) {
    ctx.warn({ message: `the ICP is ${doc.status} and has no criteria: every row scores 0 (tier D)` });
  }
  // A removed role (`--map role=`) locates nothing: compile finds criteria by header and mapped columns only.
  const compiled = compileIcp(doc, file.header, sample, new Map([...map].filter(([, header]) => header !== '')));
  const missing = compiled.criteria.filter((c) => c.column === undefined);
  for (const c of missing) {
    ctx.warn({ file: file.displayName, message: `no column for "${c.criterion.label}" (${c.criterion.column}): unknown for every row` });
  }
  if (doc.criteria.length > 0 && missing.length === compiled.criteria.length) {
    throw new IcpError(`${file.displayName} has none of the ICP's columns (${doc.criteria.map((c) => c.column).join(', ')})`, {
      hint: 'map them with --map role=Header, e.g. --map industry="Sector"',
    });
  }
  return compiled;
}

export async function run({ args, options: o }: CommandInput, ctx: CommandContext): Promise<number> {
  const format = chooseFormat(o, ctx);
  const explain = Boolean(o.explain);
  const minTier = o.minTier as 'A' | 'B' | 'C' | 'D' | undefined;
  // Checked before any input is read; the writer uses the same rule.
  if (o.delimiter !== undefined) normalizeDelimiter(String(o.delimiter), '--delimiter');
  const doc = await loadIcp(o.icp as string | undefined, ctx);
  const file = await openCsvRecords(inputPath(args[0] as string, ctx), csvOptions(o, ctx));
  const batches = file.batches()[Symbol.asyncIterator]();
  // The rows read before scoring starts stay in their batches, to be scored first.
  const { held: first, sample } = await takeSample(batches, SAMPLE_ROWS);
  const compiled = compileForFile(doc, file, sample, parseRoleMap(o.map as string[] | undefined), ctx);
  const header = [...file.header, ...SCORE_COLUMNS, ...(explain ? ['icp_reasons'] : [])];
  const tally = newTally(compiled);
  const fields = file.header.length;
  const csvHeader = [...file.rawHeader, ...header.slice(fields)];
  const sink: RowSink = await openRowSink(format, header, o, ctx, { delimiter: file.delimiter, fields, csvHeader });
  const buffered: Buffered[] = [];
  const keep = format === 'table' || Boolean(o.sort);
  // Only the criteria's cells are decoded; scoreRow reads them at their columns in this reused row.
  const columns = [...new Set(compiled.criteria.map((c) => c.column).filter((c): c is number => c !== undefined))];
  const cells = new Array<string>(fields).fill('');
  const scoreCells = rowScorer(compiled, explain);
  let index = 0;
  const progress = new Progress(ctx.stderr, ctx.stderrIsTTY && !ctx.quiet, 'scored rows:');
  try {
    /** Scores a batch's rows; false when the reader went away (| head). */
    const handle = async (batch: RecordBatch): Promise<boolean> => {
      for (let r = batch.start; r < batch.count; r++) {
        for (const column of columns) cells[column] = batch.cell(r, column) ?? '';
        const { score, out } = scoreCells(cells);
        tallyRow(tally, score);
        progress.tick(tally.rows);
        if (minTier && !meetsTier(score.tier, minTier)) {
          tally.dropped++;
          continue;
        }
        if (keep) {
          // Disqualified rows sort after every qualified one, whatever their points.
          const rank = score.tier === 'disqualified' ? -1 : score.score;
          if (format !== 'table' || o.sort || buffered.length < TABLE_ROWS) {
            buffered.push({ cells: scoredCells(batch.row(r), out, fields), score: rank, index });
          }
          index++;
          // A sorted table needs only its best rows: trimming keeps memory flat on big files.
          if (format === 'table' && o.sort && buffered.length >= 4 * TABLE_ROWS) trimBest(buffered, TABLE_ROWS);
        } else if (!sink.writeScanned(batch, r, out) && !(await sink.drain())) return false;
      }
      return true;
    };
    let open = true;
    for (const batch of first) if (open) open = await handle(batch);
    while (open) {
      const next = await batches.next();
      if (next.done) break;
      open = await handle(next.value);
    }
    if (!open) {
      await batches.return?.();
      return 0; // the reader went away (| head): that is success
    }
    if (o.sort) buffered.sort(bestFirst);
    if (format === 'table') {
      const shown = buffered.slice(0, TABLE_ROWS);
      sink.raw(
        renderScoreTable(
          header,
          shown.map((b) => b.cells),
          shownColumn(file.header, compiled),
          ctx.color,
        ),
      );
      if (index > shown.length) sink.raw(`(${shown.length} of ${index} rows shown; --format csv or -o file gives them all)\n`);
    } else {
      for (const b of buffered) if (!sink.write(b.cells) && !(await sink.drain())) break;
    }
    await sink.end();
  } catch (error) {
    await sink.abort();
    throw error;
  } finally {
    progress.done();
  }
  const dropped = minTier ? `--min-tier ${minTier}: dropped ${tally.dropped} rows below it` : undefined;
  if (!ctx.quiet) ctx.stderr.write(renderScoreSummary(tally, compiled, dropped ? { dropped } : {}));
  return 0;
}
