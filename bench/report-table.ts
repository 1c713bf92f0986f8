/** One measured job: a tool on one input, summarised over its runs. */
export interface Result {
  job: string;
  tool: string;
  rows: number;
  bytes: number;
  /** Every run's wall time, in seconds. */
  walls: number[];
  /** Every run's peak resident memory, in MB (MiB). */
  peaks: number[];
  wallSeconds: number;
  peakRssMb: number;
  /** icp's median wall time over DuckDB's on the same job, when DuckDB ran. */
  ratioToDuckdb?: number;
  /** The same over DuckDB running the simplest SQL for the job (score: exact IN, contains(), plain casts). */
  ratioToSimplest?: number;
}

const fixed = (n: number, digits: number) => n.toFixed(digits);
const ratio = (n: number | undefined) => (n === undefined ? '' : `${fixed(n, 2)}x`);
const grouped = (n: number) => Math.round(n).toLocaleString('en-US');

/** The results as a Markdown table, ready for the README. */
export function markdownTable(results: readonly Result[]): string {
  const lines = [
    '| job | tool | rows | MB | wall (median) | rows/s | MB/s | peak RSS | vs DuckDB | vs simplest SQL |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const mb = r.bytes / 1e6;
    lines.push(
      `| ${r.job} | ${r.tool} | ${grouped(r.rows)} | ${fixed(mb, 0)} | ${fixed(r.wallSeconds, 2)} s | ${grouped(r.rows / r.wallSeconds)} | ` +
        `${fixed(mb / r.wallSeconds, 1)} | ${fixed(r.peakRssMb, 0)} MB | ${ratio(r.ratioToDuckdb)} | ${ratio(r.ratioToSimplest)} |`,
    );
  }
  return lines.join('\n');
}
