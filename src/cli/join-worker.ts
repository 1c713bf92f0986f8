/**
 * A worker thread of `derive`: joins the batches of deals it is posted with a DealJoin made alike to the
 * main thread's, and posts back what it counted (see join-thread.ts).
 */
import { parentPort } from 'node:worker_threads';
import { assignRoles } from '../core/columns/roles.js';
import { DealJoin } from '../core/profile/deal-join.js';
import type { TallyState } from '../core/profile/tally-state.js';
import { RecordBatch } from '../io/record-batch.js';
import type { ToWorker } from './join-thread.js';

const port = parentPort as NonNullable<typeof parentPort>;
let join: DealJoin | undefined;
let pending: Int32Array | undefined;

port.on('message', (message: ToWorker) => {
  try {
    if (message.kind === 'init') {
      const { customers, head, options } = message;
      join = new DealJoin(customers, assignRoles(customers.header, options.map, customers.name), head, options);
      pending = new Int32Array(message.pending);
      return;
    }
    if (!join || !pending) throw new Error(`"${message.kind}" before "init"`);
    if (message.kind === 'batch') {
      try {
        const batch = RecordBatch.fromTransfer(message.batch);
        const used = join.columnsUsed;
        let at = message.at;
        for (let r = batch.start; r < batch.count; r++) join.add(batch.row(r, used), at++);
      } finally {
        Atomics.sub(pending, 0, 1);
      }
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

// A message that could not be read would be a batch of deals lost: fail rather than sum without it.
port.on('messageerror', (error) => port.postMessage({ kind: 'error', message: `a message could not be read: ${error.message}` }));
