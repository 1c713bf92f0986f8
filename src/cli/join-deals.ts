import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { assignRoles, type RoleAssignment } from '../core/columns/roles.js';
import type { DeriveOptions } from '../core/derive/derive.js';
import { DEAL_SAMPLE_ROWS, DealJoin, type DealJoinOptions, type JoinedDeals } from '../core/profile/deal-join.js';
import type { Table } from '../core/table.js';
import type { CsvReadOptions } from '../io/csv-reader.js';
import type { RecordBatch } from '../io/record-batch.js';
import { canReadTwice } from '../io/rereadable.js';
import { streamTable } from '../io/stream-table.js';
import { JoinThread } from './join-thread.js';

/** Below this size a deals file is joined on the main thread alone: a worker takes longer to start than it saves. */
const THREADED_BYTES = 16 * 2 ** 20;

/**
 * Threads to join the deals with: `threads` when given (--threads), else two on a machine with two cores
 * or more when the file is large enough to gain from the second.
 */
export function joinThreads(path: string, threads: number | undefined): number {
  if (threads !== undefined) return threads;
  if (path === '-' || availableParallelism() < 2) return 1;
  try {
    return statSync(path).size >= THREADED_BYTES ? 2 : 1;
  } catch {
    return 1;
  }
}

/**
 * Reads the deals file row by row, joining and summing each deal as it comes, for derive; `log` hears how
 * the batches of rows were shared out among the threads (--verbose).
 */
export async function readJoinedDeals(path: string, read: CsvReadOptions, customers: Table, options: DeriveOptions, threads = 1, log?: (line: string) => void, onRows?: (rows: number) => void): Promise<JoinedDeals> {
  const roles = assignRoles(customers.header, options.map, customers.name);
  const joinOptions = { map: options.map, key: options.key, since: options.since, until: options.until, rereadable: canReadTwice(path) };
  let pass = await joinPass(path, read, customers, roles, joinOptions, threads, log, onRows);
  // The first read may leave the join unsettled (see DealJoin.reread): read again as it says.
  for (let again = pass.join.reread; again; again = pass.join.reread) {
    log?.(`reading ${path} again: ${'pair' in again ? `only the pair that joins the most deals is summed` : 'counting and summing every pair of join columns'}`);
    // The same file gives the same warnings: they were said on the first read.
    pass = await joinPass(path, { ...read, onWarning: () => undefined }, customers, roles, { ...joinOptions, ...again }, threads, log, onRows);
  }
  return pass.join.finish(pass.sha256);
}

/** One read of the deals through a DealJoin, with threads - 1 workers taking batches when they are free. */
async function joinPass(path: string, read: CsvReadOptions, customers: Table, roles: RoleAssignment, options: DealJoinOptions, threads: number, log?: (line: string) => void, onRows?: (rows: number) => void): Promise<{ join: DealJoin; sha256: string }> {
  const workers: JoinThread[] = [];
  let batches = 0;
  let posted = 0;
  let name = path;
  try {
    // The workers load while the deals file is opened and its head read.
    for (let i = 1; i < threads; i++) {
      const worker = JoinThread.spawn();
      if (worker) workers.push(worker);
    }
    const { consumer, sha256 } = await streamTable(path, read, DEAL_SAMPLE_ROWS, (head) => {
      for (const worker of workers) worker.init(customers, roles, head, options);
      const join = new DealJoin(customers, roles, head, options);
      name = head.name;
      return {
        join,
        columnsUsed: join.columnsUsed,
        add: (row: readonly string[], at: number) => {
          // Cheap enough per row: the callback only draws every 1,024 rows and ten times a second at most.
          if ((at & 1023) === 0) onRows?.(at);
          join.add(row, at);
        },
        takeBatch: (batch: RecordBatch, at: number) => {
          batches++;
          onRows?.(at + batch.count - batch.start);
          const taken = workers.some((w) => w.offer(batch, at));
          if (taken) posted++;
          return taken;
        },
      };
    });
    for (const worker of workers) consumer.join.absorb(await worker.finish());
    if (threads > 1) {
      log?.(workers.length === 0
        ? `joined ${name} on 1 thread: no compiled worker to start (running from the sources)`
        : `joined ${name} on ${workers.length + 1} threads: the workers took ${posted} of the ${batches} batches after the first ${DEAL_SAMPLE_ROWS} rows`);
    }
    return { join: consumer.join, sha256 };
  } finally {
    for (const worker of workers) worker.stop();
  }
}
