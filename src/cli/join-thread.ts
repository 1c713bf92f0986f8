import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RoleAssignment } from '../core/columns/roles.js';
import { customerColumnsUsed, type DealJoinOptions, type DealJoinState } from '../core/profile/deal-join.js';
import type { Table } from '../core/table.js';
import { InternalError } from '../errors.js';
import type { BatchTransfer, RecordBatch } from '../io/record-batch.js';
import type { TableHead } from '../io/stream-table.js';

/** What a worker needs to make a DealJoin alike to the main thread's. */
export interface JoinThreadInit {
  kind: 'init';
  /** The customers with only the cells the join reads (customerColumnsUsed). */
  customers: Table;
  head: TableHead;
  options: DealJoinOptions;
  /** One Int32: batches posted and not yet joined, counted down by the worker. */
  pending: SharedArrayBuffer;
}

export type ToWorker = JoinThreadInit | { kind: 'batch'; batch: BatchTransfer; at: number } | { kind: 'finish' };
type FromWorker = { kind: 'state'; state: DealJoinState } | { kind: 'error'; message: string };

/** Batches a worker may have waiting: enough to keep it busy, few enough that the main thread joins the rest. */
const MAX_PENDING = 4;

const WORKER_URL = new URL('./join-worker.js', import.meta.url);

/**
 * A worker thread that joins a share of the deals: the main thread offers it each batch of rows and joins
 * the batch itself when the worker is busy, so the two share the work whatever their speeds, and absorbs
 * what the worker counted at the end. Every deal keeps its place in the file, so the sums come out as
 * one thread's would (DealJoin.absorb).
 */
export class JoinThread {
  private readonly pending: Int32Array;
  private readonly result: Promise<DealJoinState>;
  /** Set once the worker failed: the next offer() throws it rather than read on for nothing. */
  private failure: Error | undefined;

  private constructor(private readonly worker: Worker) {
    this.pending = new Int32Array(new SharedArrayBuffer(4));
    this.result = new Promise<DealJoinState>((resolve, reject) => {
      const fail = (error: Error) => {
        this.failure ??= error;
        reject(this.failure);
      };
      worker.on('message', (message: FromWorker) => {
        if (message.kind === 'state') resolve(message.state);
        else fail(new InternalError(`a deal-joining thread failed: ${message.message}`));
      });
      worker.on('messageerror', (error) => fail(new InternalError(`a deal-joining thread sent what could not be read: ${error.message}`, { cause: error })));
      worker.on('error', (error) => fail(new InternalError(`a deal-joining thread failed: ${error.message}`, { cause: error })));
      worker.on('exit', () => fail(new InternalError('a deal-joining thread stopped before it was done')));
    });
    // Seen by offer() and finish(); until then a failure must not surface as an unhandled rejection.
    this.result.catch(() => undefined);
  }

  /**
   * Starts a worker, which loads while the main thread reads the head of the deals; init() then tells it
   * what to join. Undefined when icp runs from its TypeScript sources (the tests), where there is no
   * compiled worker to start.
   */
  static spawn(): JoinThread | undefined {
    if (!existsSync(fileURLToPath(WORKER_URL))) return undefined;
    return new JoinThread(new Worker(WORKER_URL));
  }

  /**
   * Has the worker make a DealJoin from the same customers, head and options as the main thread's (before
   * the main thread makes its own, so that both are made at once).
   */
  init(customers: Table, cRoles: RoleAssignment, head: TableHead, options: DealJoinOptions): void {
    const columns = customerColumnsUsed(customers, cRoles, head, options);
    const rows = customers.rows.map((row) => {
      const cells: string[] = [];
      for (const c of columns) cells[c] = row[c] as string;
      return cells;
    });
    const init: JoinThreadInit = {
      kind: 'init', customers: { name: customers.name, header: customers.header, rows, lines: [], sha256: '' }, head, options,
      pending: this.pending.buffer as SharedArrayBuffer,
    };
    this.worker.postMessage(init);
  }

  /** Posts the batch's rows (the first at place `at`) to the worker, unless it is busy: then false. */
  offer(batch: RecordBatch, at: number): boolean {
    if (this.failure) throw this.failure;
    if (Atomics.load(this.pending, 0) >= MAX_PENDING) return false;
    Atomics.add(this.pending, 0, 1);
    const { batch: data, transfer } = batch.toTransfer();
    const message: ToWorker = { kind: 'batch', batch: data, at };
    this.worker.postMessage(message, transfer);
    return true;
  }

  /** What the worker counted, once every batch was offered. */
  async finish(): Promise<DealJoinState> {
    const message: ToWorker = { kind: 'finish' };
    this.worker.postMessage(message);
    try {
      return await this.result;
    } finally {
      this.stop();
    }
  }

  stop(): void {
    void this.worker.terminate();
  }
}
