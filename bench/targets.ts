import type { Result } from './report-table.js';

/** The tools of the benchmark's rows, as the table names them. */
export const ICP = 'icp';
export const STDOUT = 'icp to stdout, then fsync';
export const DUCKDB = 'DuckDB, 1 thread';
export const SIMPLEST = 'DuckDB simplest SQL, 1 thread';
export const SQL_SCORE = 'icp sql score run by DuckDB, 1 thread';

const MB = 1024;
const x = (n: number) => `${n.toFixed(2)}x`;

/** The targets of issues 7, 11 and 14, judged on this run: a line each, `met:` or `NOT MET:`. */
export function targets(results: readonly Result[]): string[] {
  const lines: string[] = [];
  const check = (ok: boolean, text: string) => lines.push(`${ok ? 'met' : 'NOT MET'}: ${text}`);
  const row = (job: string, tool: string) => results.find((r) => r.job === job && r.tool === tool);
  for (const r of results) {
    if (r.job.startsWith('score') && r.tool === ICP) {
      check(r.peakRssMb < 100, `${r.job}, -o: peak RSS ${r.peakRssMb.toFixed(0)} MB < 100 MB`);
      const stdout = row(r.job, STDOUT);
      if (stdout) check(r.wallSeconds <= 1.1 * stdout.wallSeconds, `${r.job}: -o ${x(r.wallSeconds / stdout.wallSeconds)} the time to stdout + fsync <= 1.1x`);
      if (r.rows >= 1_000_000 && r.ratioToDuckdb !== undefined)
        check(r.ratioToDuckdb <= 1, `${r.job}, -o: ${x(r.ratioToDuckdb)} DuckDB's faithful SQL <= 1.0x`);
      if (r.rows >= 1_000_000 && r.ratioToSimplest !== undefined) {
        check(r.ratioToSimplest <= 1, `${r.job}, -o: ${x(r.ratioToSimplest)} DuckDB's simplest SQL <= 1.0x`);
        check(r.ratioToSimplest <= 0.7, `${r.job}, -o: ${x(r.ratioToSimplest)} DuckDB's simplest SQL <= 0.7x (stretch)`);
      }
    } else if (r.job.startsWith('derive') && r.job.includes('deals') && r.tool === ICP) {
      // derive joins the deals on one thread, as DuckDB runs here.
      check(r.peakRssMb < MB, `${r.job}: peak RSS ${r.peakRssMb.toFixed(0)} MB < 1 GB`);
      if (r.ratioToDuckdb !== undefined) check(r.ratioToDuckdb <= 1.5, `${r.job}, one thread: ${x(r.ratioToDuckdb)} DuckDB's join + aggregation <= 1.5x`);
    } else if (r.job.includes('attribute columns') && r.tool === ICP) {
      check(r.wallSeconds < 30, `${r.job} (search, stability on 50 half-samples, 5-fold validation): ${r.wallSeconds.toFixed(1)} s < 30 s`);
    } else if (r.job.includes('leads x 40 columns') && r.tool === ICP) {
      check(r.peakRssMb < MB, `${r.job}: peak RSS ${r.peakRssMb.toFixed(0)} MB < 1 GB`);
      if (r.ratioToDuckdb !== undefined) check(r.ratioToDuckdb <= 3, `${r.job}: ${x(r.ratioToDuckdb)} DuckDB's value counts by outcome <= 3x`);
    }
  }
  lines.push(...linearity(results));
  return lines;
}

/** Derive on the wide lead list grows linearly: per row, 1M rows take at most 1.25x the time of 100k. */
function linearity(results: readonly Result[]): string[] {
  const wide = results.filter((r) => r.job.includes('leads x 40 columns') && r.tool === ICP).sort((a, b) => a.rows - b.rows);
  const small = wide[0];
  const large = wide[wide.length - 1];
  if (!small || !large || small === large) return [];
  const growth = large.wallSeconds / large.rows / (small.wallSeconds / small.rows);
  const text = `derive on the wide lead list grows linearly: per row, ${large.rows.toLocaleString('en-US')} rows take ${x(growth)} the time of ${small.rows.toLocaleString('en-US')} (<= 1.25x)`;
  return [`${growth <= 1.25 ? 'met' : 'NOT MET'}: ${text}`];
}
