/**
 * `npm run bench`: times `icp score -o` on 100k and 1M generated leads (and to stdout, synced), `icp derive`
 * on 100k customers + 1M deals, on 100k customers of 40 attribute columns and on 40-column lead lists of
 * 100k and 1M rows, each against DuckDB on one thread doing the same job (when @duckdb/node-api is
 * installed), and prints a Markdown table and which targets the run meets (targets.ts); bench/results.json
 * keeps every run. Options: --runs N (default 3), --quick (100k leads only, no derive), --score (the score
 * jobs only, 100k and 1M leads), --job TEXT (only the jobs whose name contains TEXT, to compare two builds;
 * results.json is then left alone).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { benchIcpYaml, duckdbDeriveSql, duckdbScoreSql, duckdbSimplestScoreSql, duckdbValueCountsSql } from './bench-icp.js';
import { datasets } from './datasets.js';
import { median, memoryMethod, runOnce, type Command } from './measure.js';
import { markdownTable, type Result } from './report-table.js';
import { DUCKDB, ICP, SIMPLEST, SQL_SCORE, STDOUT, targets } from './targets.js';
import { wideLeadHeader } from './wide-leads.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
const log = (text: string) => process.stderr.write(`${text}\n`);

interface Job {
  job: string;
  rows: number;
  bytes: number;
  /** The files the job reads, warmed into the page cache before the first run. */
  inputs: string[];
  /** The tools timed on this job, icp's first; DuckDB rows are named by DUCKDB and SIMPLEST (see targets.ts). */
  tools: { tool: string; command: Command }[];
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
  const scoreOnly = quick || process.argv.includes('--score');
  const data = datasets(quick ? [100_000] : [100_000, 1_000_000], !scoreOnly, log);
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

  const duckTool = (tool: string, name: string, statements: string[]) => {
    const command = duckJob(name, statements);
    return command ? [{ tool, command }] : [];
  };
  const icpRun = (name: string, args: string[], extra: Partial<Command> = {}): Command => ({
    argv: [process.execPath, icpBin, ...args],
    ...out(name),
    ...extra,
  });

  // icp sql score's own SELECT over the same file, written as DuckDB's COPY writes the faithful SQL's.
  const sqlScore = (path: string, output: string): string[] => {
    const table = `read_csv('${path}', header = true, all_varchar = true, quote = '"', escape = '"')`;
    const args = ['sql', 'score', '--dialect', 'duckdb', '--table', table, '--columns-from', path, '--icp', join(data.dir, 'icp.yaml')];
    const select = execFileSync(process.execPath, [icpBin, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    return [`COPY (\n${select}) TO '${output}' (HEADER, DELIMITER ',')`];
  };
  const jobs: Job[] = data.leads.map((leads) => {
    const score = ['score', leads.path, '--icp', 'icp.yaml', '--format', 'csv'];
    return {
      job: `score ${leads.rows / 1000 >= 1000 ? `${leads.rows / 1e6}M` : `${leads.rows / 1000}k`} leads`,
      rows: leads.rows,
      bytes: leads.bytes,
      inputs: [leads.path],
      tools: [
        // -o, as cron jobs score: the atomic file sink, synced and renamed at the end.
        { tool: ICP, command: icpRun(`icp-score-${leads.rows}`, [...score, '-o', `scored-${leads.rows}.csv`]) },
        { tool: STDOUT, command: icpRun(`icp-score-stdout-${leads.rows}`, score, { fsyncStdout: true }) },
        ...duckTool(DUCKDB, `duckdb-score-${leads.rows}`, duckdbScoreSql(leads.path, join(data.dir, `duckdb-score-${leads.rows}.csv`))),
        ...duckTool(SIMPLEST, `duckdb-simplest-${leads.rows}`, duckdbSimplestScoreSql(leads.path, join(data.dir, `duckdb-simplest-${leads.rows}.csv`))),
        ...(duck ? duckTool(SQL_SCORE, `icp-sql-score-${leads.rows}`, sqlScore(leads.path, join(data.dir, `icp-sql-score-${leads.rows}.csv`))) : []),
      ],
    };
  });
  if (!scoreOnly) {
    const derive = ['derive', data.customers.path, '--deals', data.deals.path, '--force', '--format', 'json', '--fast'];
    jobs.push({
      job: 'derive 100k customers + 1M deals',
      rows: data.customers.rows + data.deals.rows,
      bytes: data.customers.bytes + data.deals.bytes,
      inputs: [data.customers.path, data.deals.path],
      tools: [
        // --fast: the join and aggregation DuckDB is compared with, without the validation and stability
        // runs of the engine (measured by the wide jobs below).
        { tool: ICP, command: icpRun('icp-derive', [...derive, '-o', 'derived.yaml']) },
        ...duckTool(DUCKDB, 'duckdb-derive', duckdbDeriveSql(data.customers.path, data.deals.path, join(data.dir, 'duckdb-derive.csv'))),
      ],
    });
    jobs.push({
      job: 'derive 100k customers x 40 attribute columns',
      rows: data.wide.rows,
      bytes: data.wide.bytes,
      inputs: [data.wide.path],
      tools: [
        {
          tool: ICP,
          command: icpRun('icp-derive-wide', ['derive', data.wide.path, '--value', 'Total Revenue', '--force', '-o', 'wide.yaml', '--format', 'json']),
        },
      ],
    });
    for (const leads of data.wideLeads) {
      const size = leads.rows >= 1e6 ? `${leads.rows / 1e6}M` : `${leads.rows / 1000}k`;
      jobs.push({
        job: `derive ${size} leads x 40 columns --outcome`,
        rows: leads.rows,
        bytes: leads.bytes,
        inputs: [leads.path],
        tools: [
          // The whole engine (search, stability, validation), as a user runs it on a lead list.
          {
            tool: ICP,
            command: icpRun(`icp-derive-leads-${leads.rows}`, [
              'derive',
              leads.path,
              '--outcome',
              'Converted',
              '--force',
              '-o',
              `leads-${leads.rows}.yaml`,
              '--format',
              'json',
            ]),
          },
          ...duckTool(
            DUCKDB,
            `duckdb-counts-${leads.rows}`,
            duckdbValueCountsSql(leads.path, wideLeadHeader(), 'Converted', 'Lead Number', join(data.dir, `duckdb-counts-${leads.rows}.csv`)),
          ),
        ],
      });
    }
  }
  const only = option('--job');
  if (only !== undefined) {
    jobs.splice(0, jobs.length, ...jobs.filter((j) => j.job.includes(only)));
    if (jobs.length === 0) throw new Error(`no job's name contains "${only}"`);
  }
  // The inputs come from the page cache in every run, the first included (only those of the jobs kept).
  for (const file of new Set(jobs.flatMap((j) => j.inputs))) execFileSync('cat', [file], { stdio: ['ignore', 'ignore', 'inherit'] });

  const samples = new Map<Command, { walls: number[]; peaks: number[] }>();
  for (let run = 1; run <= runs; run++) {
    // icp and DuckDB take turns, so a slow spell of the machine hits both.
    for (const job of jobs) {
      for (const { tool, command } of job.tools) {
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
    const rows = job.tools.map(({ tool, command }): Result => {
      const { walls, peaks } = samples.get(command) as { walls: number[]; peaks: number[] };
      return { job: job.job, tool, rows: job.rows, bytes: job.bytes, walls, peaks, wallSeconds: median(walls), peakRssMb: Math.max(...peaks) };
    });
    const duckdb = rows.find((r) => r.tool === DUCKDB);
    const simplest = rows.find((r) => r.tool === SIMPLEST);
    for (const r of rows.filter((x) => x !== duckdb && x !== simplest)) {
      if (duckdb) r.ratioToDuckdb = r.wallSeconds / duckdb.wallSeconds;
      if (simplest) r.ratioToSimplest = r.wallSeconds / simplest.wallSeconds;
    }
    results.push(...rows);
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
  process.stdout.write(
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}${duck ? `, DuckDB (node-api) ${duck.version}` : ''}\n`,
  );
  for (const line of targets(results)) process.stdout.write(`${line}\n`);
  if (only !== undefined) return;
  const json = { date: new Date().toISOString(), machine, runs, results, table };
  writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(json, null, 2) + '\n');
  log('wrote bench/results.json');
}

await main();
