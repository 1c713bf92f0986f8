import { InternalError, type IcpError } from '../../errors.js';
import { normalizeDelimiter } from '../csv/delimiter.js';
import { ChunkBuffer } from './chunk-buffer.js';
import { lineEncoder, type CsvWriteOptions } from './csv-line.js';
import { isOutputClosed, outputError } from './output-sink.js';

export { toCsvLine, type CsvWriteOptions } from './csv-line.js';

export interface CsvWriterOptions extends CsvWriteOptions {
  /** How to name the destination in error messages, e.g. the -o path as typed; default `output`. */
  displayName?: string;
  /** Bytes gathered before one write to the stream; default 64 Ki. */
  chunkChars?: number;
  /**
   * Turns a row into text in place of CSV (e.g. NDJSON), keeping the chunking, back-pressure and EPIPE
   * handling; the CSV dialect options (delimiter, excel, lineEnding, formulaEscape) are then ignored.
   */
  encode?: (cells: readonly string[]) => string;
}

const BOM = '\uFEFF';
const CHUNK_CHARS = 64 * 1024;

interface Waiter {
  resolve(open: boolean): void;
  reject(error: unknown): void;
}

const destroyed = (): Error => Object.assign(new Error('the output stream was destroyed'), { code: 'ERR_STREAM_DESTROYED' });

type StreamState = NodeJS.WritableStream & { destroyed?: boolean; writableEnded?: boolean };

/**
 * Streams CSV rows to a Writable with back-pressure, gathering rows into ~64 Ki chunks so a million rows
 * cost a few thousand stream writes, not a million (and no promise per row).
 *
 * Usage: `if (!writer.writeRow(cells) && !(await writer.drain())) stop();` then `await writer.end()`.
 * - `writeRow` returns false while the stream's buffer is full: await `drain()` before writing more.
 * - A destination that went away (EPIPE: `icp score big.csv | head`, or a destroyed stream) is not an
 *   error: `closed` becomes true, `writeRow` returns false from then on and drops the row, `drain()` resolves
 *   false, and `end()` resolves; the command stops reading input and exits 0.
 * - Any other write error (disk full, ...) becomes an IcpError, thrown by the next `writeRow`, and by
 *   `drain()` and `end()`.
 * `end()` writes what is gathered and waits until the stream has taken it; it does not end the stream,
 * which belongs to whoever opened it (see output-sink.ts: stdout is never closed).
 */
export class CsvWriter {
  readonly #stream: StreamState;
  readonly #encode: (cells: readonly string[]) => string;
  /** The delimiter between cells, when writing CSV (not with `encode`). */
  readonly #delimiter: string | undefined;
  readonly #chunkChars: number;
  readonly #displayName: string;
  readonly #pending: ChunkBuffer;
  #flushScheduled: NodeJS.Immediate | undefined;
  #needDrain = false;
  #inFlight = 0;
  #closed = false;
  #ended = false;
  #failure: IcpError | undefined;
  // drain() callers wait for room in the stream's buffer; end() callers for every write to complete.
  #drainWaiters: Waiter[] = [];
  #endWaiters: Waiter[] = [];

  constructor(stream: NodeJS.WritableStream, options: CsvWriterOptions = {}) {
    this.#stream = stream;
    this.#encode = options.encode ?? lineEncoder(options);
    this.#delimiter = options.encode ? undefined : normalizeDelimiter(options.delimiter ?? ',', 'output delimiter');
    this.#chunkChars = options.chunkChars ?? CHUNK_CHARS;
    this.#displayName = options.displayName ?? 'output';
    // Room for a chunk plus the row that fills it; a longer row goes out on its own.
    this.#pending = new ChunkBuffer(Math.max(this.#chunkChars * 2, 16 * 1024));
    if (options.excel && !options.encode) this.#pending.appendText(BOM);
    // Listeners stay attached after end(): a late EPIPE must never become an unhandled 'error' event.
    stream.on('error', (error: unknown) => this.#fail(error));
    stream.on('drain', () => {
      this.#needDrain = false;
      this.#wake(this.#drainWaiters);
    });
    // A stream destroyed under us (no error event) means the same as EPIPE: nobody reads any more.
    stream.on('close', () => {
      if (!this.#ended) this.#fail(destroyed());
    });
  }

  /** True once the destination went away (EPIPE or destroyed); every later row is dropped. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Queues one row; false means wait for `drain()` (or the destination is closed) before the next. */
  writeRow(cells: readonly string[]): boolean {
    // Once nobody reads, skip even the encoding: the caller may still be finishing a loop.
    if (this.#closed) return false;
    return this.writeText(this.#encode(cells));
  }

  /**
   * Queues text exactly as given, in order with the rows: no quoting, no formula escape (so only for text
   * that is already safe, such as a JSON trailer or a table). Returns like `writeRow`.
   */
  writeText(text: string): boolean {
    if (!this.#writable()) return false;
    if (!this.#pending.appendText(text)) {
      this.#flush();
      if (!this.#pending.appendText(text)) this.#send(Buffer.from(text, 'utf8'));
    }
    return this.#written();
  }

  /**
   * Queues bytes[start, end) exactly as given, in order with the rows: bytes already in the output's
   * encoding and dialect, such as a scanned input row passed through. Returns like `writeRow`.
   */
  writeBytes(bytes: Uint8Array, start: number, end: number): boolean {
    if (!this.#writable()) return false;
    if (!this.#pending.appendBytes(bytes, start, end)) {
      this.#flush();
      if (!this.#pending.appendBytes(bytes, start, end)) this.#send(Buffer.from(bytes.subarray(start, end)));
    }
    return this.#written();
  }

  /** `cells` as the end of a row, in UTF-8: a delimiter first, then the cells encoded as writeRow does, and the line ending. */
  rowTail(cells: readonly string[]): Buffer {
    if (this.#delimiter === undefined) throw new InternalError('rowTail needs a CSV writer, not an encode function');
    return Buffer.from(this.#delimiter + this.#encode(cells), 'utf8');
  }

  /**
   * Queues a row whose first cells are bytes[start, end), already CSV in this writer's delimiter (a scanned
   * input row passed through as read), and whose other cells are `tail` (from rowTail). Returns like writeRow.
   */
  writeThrough(bytes: Uint8Array, start: number, end: number, tail: Uint8Array): boolean {
    if (!this.writeBytes(bytes, start, end) && this.#closed) return false;
    return this.writeBytes(tail, 0, tail.length);
  }

  /** Throws a write failure; false when the destination is closed. */
  #writable(): boolean {
    if (this.#failure) throw this.#failure;
    if (this.#closed) return false;
    if (this.#ended) throw new InternalError('output was written after the CSV writer ended');
    return true;
  }

  #written(): boolean {
    if (this.#pending.length >= this.#chunkChars) this.#flush();
    // When the producer pauses (slow input such as a pipe), rows written so far go out at the next turn
    // of the event loop instead of waiting for a full chunk.
    else this.#flushScheduled ??= setImmediate(() => this.#flush());
    return !this.#needDrain && !this.#closed;
  }

  /** Resolves true when more rows may be written, false when the destination is closed; rejects on a write error. */
  drain(): Promise<boolean> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closed) return Promise.resolve(false);
    if (!this.#needDrain) return Promise.resolve(true);
    return new Promise((resolve, reject) => this.#drainWaiters.push({ resolve, reject }));
  }

  /** Writes the gathered rows and waits until the stream took them; resolves also when the destination closed. */
  async end(): Promise<void> {
    this.#ended = true;
    this.#flush();
    while (this.#failure === undefined && !this.#closed && this.#inFlight > 0) {
      await new Promise<boolean>((resolve, reject) => this.#endWaiters.push({ resolve, reject }));
    }
    if (this.#failure) throw this.#failure;
  }

  #flush(): void {
    if (this.#flushScheduled) clearImmediate(this.#flushScheduled);
    this.#flushScheduled = undefined;
    if (this.#pending.length === 0 || this.#closed || this.#failure) return;
    this.#send(this.#pending.take());
  }

  #send(chunk: Buffer): void {
    if (this.#closed || this.#failure) return;
    if (this.#stream.destroyed || this.#stream.writableEnded) {
      this.#fail(destroyed());
      return;
    }
    this.#inFlight++;
    const accepted = this.#stream.write(chunk, (error?: Error | null) => {
      this.#inFlight--;
      if (error) this.#fail(error);
      else this.#wake(this.#endWaiters);
    });
    if (!accepted) this.#needDrain = true;
  }

  #fail(error: unknown): void {
    if (this.#closed || this.#failure) return;
    if (isOutputClosed(error)) this.#closed = true;
    else this.#failure = outputError(error, this.#displayName);
    this.#pending.clear();
    this.#wake(this.#drainWaiters);
    this.#wake(this.#endWaiters);
  }

  /** Settles the waiters with the current state: the failure, or whether the destination is still open. */
  #wake(list: Waiter[]): void {
    for (const waiter of list.splice(0)) {
      if (this.#failure) waiter.reject(this.#failure);
      else waiter.resolve(!this.#closed);
    }
  }
}
