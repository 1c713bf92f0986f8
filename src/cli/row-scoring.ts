import type { Tier } from '../core/icp/tiers.js';
import type { CompiledIcp } from '../core/score/compile.js';
import { scoreRow, type RowScore } from '../core/score/score-row.js';
import { scoredCells } from '../core/score/scored-cells.js';
import { meetsTier, newTally, tallyRow, type ScoreTally } from '../core/score/tally.js';
import type { RecordBatch } from '../io/csv/record-batch.js';
import { renderScoreTable } from '../render/score.js';
import type { Progress } from './progress.js';
import type { RowSink } from './row-sink.js';
import type { ScoreFormat } from './options/score.js';

// A terminal table beyond this many rows helps nobody and costs time: the rest are counted, not drawn.
const TABLE_ROWS = 200;

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

/**
 * The scorer with a contact's persona columns after its score columns; one array per pair of arrays, so
 * that rows alike still share their encoded CSV tail.
 */
function withPersona(
  score: ReturnType<typeof rowScorer>,
  persona: { column: number; columns: (title: string) => readonly string[] } | undefined,
): ReturnType<typeof rowScorer> {
  if (!persona) return score;
  const joined = new Map<readonly string[], Map<readonly string[], readonly string[]>>();
  let kept = 0;
  return (cells) => {
    const { score: s, out } = score(cells);
    const extra = persona.columns(cells[persona.column] ?? '');
    let byExtra = joined.get(out);
    if (!byExtra) joined.set(out, (byExtra = new Map()));
    let both = byExtra.get(extra);
    if (!both) {
      both = [...out, ...extra];
      // Bounded: past it (titles mostly distinct), each row gets an array of its own.
      if (kept++ < 100_000) byExtra.set(extra, both);
    }
    return { score: s, out: both };
  };
}

type Buffered = { cells: string[]; score: number; index: number };
const bestFirst = (a: Buffered, b: Buffered) => b.score - a.score || a.index - b.index;

function trimBest(rows: Buffered[], keep: number): void {
  rows.sort(bestFirst);
  rows.length = keep;
}

/**
 * The rows of one `icp score` run: each scored and tallied, then written through as it was read, or held
 * for --sort and the terminal table (flush writes those at the end).
 */
export class RowScoring {
  readonly tally: ScoreTally;
  private readonly held: Buffered[] = [];
  /** Rows kept so far (those at --min-tier or above), held or not. */
  private kept = 0;
  private readonly keep: boolean;
  /** Only the criteria's cells are decoded; scoreRow reads them at their columns in this reused row. */
  private readonly columns: number[];
  private readonly cells: string[];
  private readonly scoreCells: ReturnType<typeof rowScorer>;

  constructor(
    compiled: CompiledIcp,
    private readonly sink: RowSink,
    private readonly progress: Progress,
    private readonly o: {
      fields: number;
      format: ScoreFormat;
      sort: boolean;
      minTier: Tier | undefined;
      explain: boolean;
      /** --personas: the title column and its persona columns, appended after the score columns. */
      persona?: { column: number; columns: (title: string) => readonly string[] } | undefined;
    },
  ) {
    this.tally = newTally(compiled);
    this.keep = o.format === 'table' || o.sort;
    this.columns = [...new Set([...compiled.criteria.map((c) => c.column), o.persona?.column].filter((c): c is number => c !== undefined))];
    this.cells = new Array<string>(o.fields).fill('');
    this.scoreCells = withPersona(rowScorer(compiled, o.explain), o.persona);
  }

  /** Scores a batch's rows; false when the reader went away (| head). */
  async batch(batch: RecordBatch): Promise<boolean> {
    // Locals rather than fields in the loop over every row: measurably faster on a million rows.
    const { cells, tally, columns, scoreCells, progress, keep, sink } = this;
    const { minTier } = this.o;
    for (let r = batch.start; r < batch.count; r++) {
      for (const column of columns) cells[column] = batch.cell(r, column) ?? '';
      const { score, out } = scoreCells(cells);
      tallyRow(tally, score);
      progress.tick(tally.rows);
      if (minTier && !meetsTier(score.tier, minTier)) {
        tally.dropped++;
        continue;
      }
      if (keep) this.hold(batch, r, score, out);
      else if (!sink.writeScanned(batch, r, out) && !(await sink.drain())) return false;
    }
    return true;
  }

  private hold(batch: RecordBatch, r: number, score: RowScore, out: readonly string[]): void {
    const { format, sort, fields } = this.o;
    // Disqualified rows sort after every qualified one, whatever their points.
    const rank = score.tier === 'disqualified' ? -1 : score.score;
    if (format !== 'table' || sort || this.held.length < TABLE_ROWS) {
      this.held.push({ cells: scoredCells(batch.row(r), out, fields), score: rank, index: this.kept });
    }
    this.kept++;
    // A sorted table needs only its best rows: trimming keeps memory flat on big files.
    if (format === 'table' && sort && this.held.length >= 4 * TABLE_ROWS) trimBest(this.held, TABLE_ROWS);
  }

  /** Writes the held rows, once every row was scored: sorted (--sort), or as the terminal table. */
  async flush(header: string[], shownColumn: number | undefined, color: boolean): Promise<void> {
    const { held, sink } = this;
    if (this.o.sort) held.sort(bestFirst);
    if (this.o.format !== 'table') {
      for (const b of held) if (!sink.write(b.cells) && !(await sink.drain())) break;
      return;
    }
    const shown = held.slice(0, TABLE_ROWS);
    sink.raw(
      renderScoreTable(
        header,
        shown.map((b) => b.cells),
        shownColumn,
        color,
      ),
    );
    if (this.kept > shown.length) sink.raw(`(${shown.length} of ${this.kept} rows shown; --format csv or -o file gives them all)\n`);
  }
}
