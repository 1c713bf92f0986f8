/**
 * `npm run bench`: times `icp score` on 100k and 1M generated leads and `icp derive` on 100k customers + 1M
 * deals, each against DuckDB on one thread doing the same job (when @duckdb/node-api is installed), and
 * prints a Markdown table; bench/results.json keeps every run. Options: --runs N (default 3), --quick
 * (100k leads only, no derive).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { benchIcpYaml, duckdbDeriveSql, duckdbScoreSql } from './bench-icp.js';
import { datasets } from './datasets.js';
import { median, memoryMethod, runOnce, type Command } from './measure.js';
import { markdownTable, type Result } from './report-table.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
const log = (text: string) => process.stderr.write(`${text}\n`);

interface Job {
  job: string;
  rows: number;
  bytes: number;
  icp: Command;
  /** icp run another way on the same job, shown for comparison (derive on one thread). */
  also?: { tool: string; command: Command };
  duckdb?: Command;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

/** The DuckDB job as plain JavaScript and the module's URL, or undefined when @duckdb/node-api is not installed. */
function duckdbRunner(dir: string): { script: string; moduleUrl: string; version: string } | undefined {
  let entry: string;
  try {
    entry = require.resolve('@duckdb/node-api');
  } catch {
    return undefined;
  }
  const source = readFileSync(join(ROOT, 'bench/duckdb-job.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const script = join(dir, 'duckdb-job.mjs');
  writeFileSync(script, js);
  const pkg = JSON.parse(readFileSync(require.resolve('@duckdb/node-api/package.json'), 'utf8')) as { version: string };
  return { script, moduleUrl: pathToFileURL(entry).href, version: pkg.version };
}

async function main(): Promise<void> {
  const runs = Number(option('--runs') ?? 3);
  const quick = process.argv.includes('--quick');
  const data = datasets(quick ? [100_000] : [100_000, 1_000_000], !quick, log);
  log('building dist/ ...');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  const icpBin = join(ROOT, 'bin/icp.js');
  writeFileSync(join(data.dir, 'icp.yaml'), benchIcpYaml());
  const duck = duckdbRunner(data.dir);
  if (!duck) log('@duckdb/node-api is not installed: measuring icp only (npm install to compare with DuckDB)');
  const out = (name: string) => ({ stdoutFile: join(data.dir, `${name}.out`), stderrFile: join(data.dir, `${name}.err`), cwd: data.dir });
  const duckJob = (name: string, statements: string[]): Command | undefined => {
    if (!duck) return undefined;
    const file = join(data.dir, `${name}.sql.json`);
    writeFileSync(file, JSON.stringify(statements));
    return { argv: [process.execPath, duck.script, duck.moduleUrl, file], ...out(name) };
  };

  const jobs: Job[] = data.leads.map((leads) => ({
    job: `score ${leads.rows / 1000 >= 1000 ? `${leads.rows / 1e6}M` : `${leads.rows / 1000}k`} leads`,
    rows: leads.rows,
    bytes: leads.bytes,
    icp: { argv: [process.execPath, icpBin, 'score', leads.path, '--icp', 'icp.yaml', '--format', 'csv'], ...out(`icp-score-${leads.rows}`) },
    duckdb: duckJob(`duckdb-score-${leads.rows}`, duckdbScoreSql(leads.path, join(data.dir, `duckdb-score-${leads.rows}.csv`))),
  }));
  if (!quick) {
    jobs.push({
      job: 'derive 100k customers + 1M deals',
      rows: data.customers.rows + data.deals.rows,
      bytes: data.customers.bytes + data.deals.bytes,
      // --fast: the join and aggregation DuckDB is compared with, without the validation and stability
      // runs of the engine (measured by the wide job below).
      icp: { argv: [process.execPath, icpBin, 'derive', data.customers.path, '--deals', data.deals.path, '--force', '-o', 'derived.yaml', '--format', 'json', '--fast'], ...out('icp-derive') },
      // derive joins the deals on two threads by default on a 2-core machine; the one-thread time, for honesty.
      also: {
        tool: 'icp --threads 1',
        command: { argv: [process.execPath, icpBin, 'derive', data.customers.path, '--deals', data.deals.path, '--force', '-o', 'derived-1.yaml', '--format', 'json', '--fast', '--threads', '1'], ...out('icp-derive-1') },
      },
      duckdb: duckJob('duckdb-derive', duckdbDeriveSql(data.customers.path, data.deals.path, join(data.dir, 'duckdb-derive.csv'))),
    });
  }
  if (!quick) {
    jobs.push({
      job: 'derive 100k customers x 40 attribute columns',
      rows: data.wide.rows,
      bytes: data.wide.bytes,
      icp: { argv: [process.execPath, icpBin, 'derive', data.wide.path, '--value', 'Total Revenue', '--force', '-o', 'wide.yaml', '--format', 'json'], ...out('icp-derive-wide') },
    });
  }
  // The inputs come from the page cache in every run, the first included.
  for (const file of [...data.leads.map((l) => l.path), ...(quick ? [] : [data.customers.path, data.deals.path, data.wide.path])]) execFileSync('cat', [file], { stdio: ['ignore', 'ignore', 'inherit'] });

  const samples = new Map<Command, { walls: number[]; peaks: number[] }>();
  for (let run = 1; run <= runs; run++) {
    // icp and DuckDB take turns, so a slow spell of the machine hits both.
    for (const job of jobs) {
      for (const [tool, command] of [['icp', job.icp], [job.also?.tool, job.also?.command], ['duckdb', job.duckdb]] as const) {
        if (!command) continue;
        const sample = await runOnce(command);
        const list = samples.get(command) ?? { walls: [], peaks: [] };
        samples.set(command, list);
        list.walls.push(sample.wallSeconds);
        list.peaks.push(sample.peakRssMb);
        log(`run ${run}/${runs} ${job.job} ${tool}: ${sample.wallSeconds.toFixed(2)} s, ${sample.peakRssMb.toFixed(0)} MB`);
      }
    }
  }

  const results: Result[] = [];
  for (const job of jobs) {
    const summarize = (tool: string, command: Command): Result => {
      const { walls, peaks } = samples.get(command) as { walls: number[]; peaks: number[] };
      return { job: job.job, tool, rows: job.rows, bytes: job.bytes, walls, peaks, wallSeconds: median(walls), peakRssMb: Math.max(...peaks) };
    };
    const icp = [summarize('icp', job.icp), ...(job.also ? [summarize(job.also.tool, job.also.command)] : [])];
    const duckdb = job.duckdb && summarize('DuckDB, 1 thread', job.duckdb);
    if (duckdb) for (const r of icp) r.ratioToDuckdb = r.wallSeconds / duckdb.wallSeconds;
    results.push(...icp, ...(duckdb ? [duckdb] : []));
  }

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    duckdb: duck?.version ?? null,
    memoryMeasuredWith: memoryMethod(),
  };
  const table = markdownTable(results);
  process.stdout.write(`\n${table}\n\n`);
  process.stdout.write(`${runs} runs each; wall: median, peak RSS: the largest of the runs (${machine.memoryMeasuredWith}).\n`);
  process.stdout.write(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}${duck ? `, DuckDB (node-api) ${duck.version}` : ''}\n`);
  for (const line of targets(results)) process.stdout.write(`${line}\n`);
  const json = { date: new Date().toISOString(), machine, runs, results, table };
  writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(json, null, 2) + '\n');
  log('wrote bench/results.json');
}

/** The targets of issues 7 and 11, judged on this run. */
function targets(results: readonly Result[]): string[] {
  const lines: string[] = [];
  const check = (ok: boolean, text: string) => lines.push(`${ok ? 'met' : 'NOT MET'}: ${text}`);
  for (const r of results.filter((x) => x.tool === 'icp')) {
    if (r.job.startsWith('score')) {
      check(r.peakRssMb < 150, `${r.job}: peak RSS ${r.peakRssMb.toFixed(0)} MB < 150 MB`);
      if (r.rows >= 1_000_000 && r.ratioToDuckdb !== undefined) check(r.ratioToDuckdb <= 1, `${r.job}: ${r.ratioToDuckdb.toFixed(2)}x DuckDB's time <= 1.0x`);
    } else if (r.job.includes('attribute columns')) {
      check(r.wallSeconds < 30, `${r.job} (search, stability on 50 half-samples, 5-fold validation): ${r.wallSeconds.toFixed(1)} s < 30 s`);
    } else {
      check(r.peakRssMb < 1024, `${r.job}: peak RSS ${r.peakRssMb.toFixed(0)} MB < 1 GB`);
      if (r.ratioToDuckdb !== undefined) check(r.ratioToDuckdb <= 3, `${r.job}: ${r.ratioToDuckdb.toFixed(2)}x DuckDB's join + aggregation <= 3x`);
    }
  }
  return lines;
}

await main();
