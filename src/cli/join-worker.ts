/**
 * A worker thread of `derive`: joins the batches of deals it is posted with a DealJoin made alike to the
 * main thread's, and posts back what it counted (see join-thread.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { assignRoles } from '../core/columns/roles.js';
import { DealJoin } from '../core/profile/deal-join.js';
import type { TallyState } from '../core/profile/deals.js';
import { RecordBatch } from '../io/record-batch.js';
import type { JoinThreadInit, ToWorker } from './join-thread.js';

const init = workerData as JoinThreadInit;
const port = parentPort as NonNullable<typeof parentPort>;
const pending = new Int32Array(init.pending);
const join = new DealJoin(init.customers, assignRoles(init.customers.header, init.options.map, init.customers.name), init.head, init.options);
const used = join.columnsUsed;

port.on('message', (message: ToWorker) => {
  try {
    if (message.kind === 'batch') {
      const batch = RecordBatch.fromTransfer(message.batch);
      let at = message.at;
      for (let r = batch.start; r < batch.count; r++) join.add(batch.row(r, used), at++);
      Atomics.sub(pending, 0, 1);
      return;
    }
    const state = join.state();
    const tallies = state.candidates.map((c) => c.tally).filter((t): t is TallyState => t !== undefined);
    const buffers = tallies.flatMap((t) => [t.deals, t.outcomes, t.firstWon, t.lastWon, t.firstAt, t.won.slot, t.won.at, t.won.value, t.won.days].map((a) => a.buffer as ArrayBuffer));
    port.postMessage({ kind: 'state', state }, buffers);
  } catch (error) {
    port.postMessage({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
