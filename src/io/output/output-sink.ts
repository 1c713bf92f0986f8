import { createWriteStream, fdatasync, fsync, openSync, statSync, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { IcpError } from '../../errors.js';
import { claimTemp, releaseTemp, removeDeadTemps } from './atomic-write.js';
import { errorCode, writeError } from '../file-error.js';
import { writeTarget } from './write-target.js';

/** Where a command's data output goes, and how it is made final or thrown away. */
export interface OutputSink {
  /** stdout itself, or a temp file next to the target. */
  stream: NodeJS.WritableStream;
  /** The path as given, or `<stdout>`, for messages. */
  displayName: string;
  /** Makes the output final: stdout is waited for (never closed); a file is synced and renamed over the path. */
  commit(): Promise<void>;
  /** Throws the output away: the temp file is removed and an earlier file at the path stays untouched. Safe after commit. */
  abort(): Promise<void>;
}

/** Anything with write(text), such as the string buffers in-process CLI tests pass as stdout. */
export interface TextOut {
  write(text: string): unknown;
}

/**
 * Opens the output of a command: stdout when `path` is undefined or `-`, else a temp file in the target's
 * folder, renamed over `path` on commit, so that a crash or an error leaves the old file and no partial one.
 * Fails at once (IcpError) when the file cannot be created, before any input is read.
 */
export function openOutput(path: string | undefined, stdout: NodeJS.WritableStream | TextOut): OutputSink {
  if (path === undefined || path === '-') return stdoutSink(asWritable(stdout));
  const target = writeTarget(path);
  return target.direct ? deviceSink(target.path, path) : fileSink(target.path, path);
}

// A destination that went away on its own: the reader closed the pipe (`| head`), or the stream was destroyed.
const CLOSED_CODES = new Set(['EPIPE', 'ECONNRESET', 'EOF', 'ERR_STREAM_DESTROYED']);

/** True when a write failed only because nobody reads the output any more (EPIPE and kin): not an error for icp. */
export function isOutputClosed(error: unknown): boolean {
  return CLOSED_CODES.has(errorCode(error));
}

/** A write failure as an IcpError naming the destination, e.g. `cannot write out.csv: no space left on the device`. */
export function outputError(error: unknown, displayName: string): IcpError {
  return writeError(error, displayName);
}

type StreamState = NodeJS.WritableStream & { destroyed?: boolean; writableEnded?: boolean; writableLength?: number };

function stdoutSink(stream: StreamState): OutputSink {
  return {
    stream,
    displayName: '<stdout>',
    commit: () => flushed(stream),
    abort: async () => undefined, // what reached stdout cannot be taken back
  };
}

/** Resolves once everything written so far has left the stream (an empty write completes after all before it). */
function flushed(stream: StreamState): Promise<void> {
  if (stream.destroyed || stream.writableEnded || !stream.writableLength) return Promise.resolve();
  return new Promise((resolve, reject) => {
    // The same failure also arrives as an 'error' event; without a listener that would crash the process.
    const ignore = (): void => undefined;
    stream.on('error', ignore);
    stream.write('', (error?: Error | null) => {
      stream.removeListener('error', ignore);
      if (error && !isOutputClosed(error)) reject(outputError(error, '<stdout>'));
      else resolve();
    });
  });
}

/** `-o /dev/stdout` or a FIFO: written straight to, since there is no file to replace atomically. */
function deviceSink(path: string, shown: string): OutputSink {
  const stream = createWriteStream(path, { flags: 'w' });
  return {
    stream,
    displayName: shown,
    commit: async () => {
      try {
        await finished(stream);
      } catch (error) {
        throw outputError(error, shown);
      }
    },
    abort: async () => {
      await destroyed(stream);
    },
  };
}

// fs.WriteStream's default 16 KiB means every 64 KiB chunk of rows waits for its write to finish before
// the next is made (measured: -o 1.45x slower than stdout); 1 MiB lets the scorer keep working while the
// thread pool writes, and lets the stream gather chunks into one writev.
const FILE_BUFFER = 2 ** 20;

function fileSink(path: string, shown: string): OutputSink {
  removeDeadTemps(path);
  const tmp = claimTemp(path);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', modeOf(path));
  } catch (error) {
    releaseTemp(tmp);
    throw outputError(error, shown);
  }
  // autoClose off: after 'finish' the descriptor must stay open for fsync; destroy() closes it either way.
  const stream = createWriteStream(tmp, { fd, autoClose: false, highWaterMark: FILE_BUFFER });
  const syncing = syncAsWritten(stream, fd);
  let failure: unknown;
  stream.on('error', (error) => {
    failure ??= error;
  });
  let state: 'open' | 'committing' | 'done' = 'open';
  const discard = async (): Promise<void> => {
    state = 'done';
    await syncing.stop();
    await destroyed(stream);
    await rm(tmp, { force: true }).catch(() => undefined);
    releaseTemp(tmp);
  };
  return {
    stream,
    displayName: shown,
    async commit() {
      if (state !== 'open') throw new IcpError(`internal: output ${shown} was already committed or aborted`);
      state = 'committing';
      try {
        await finished(stream);
        if (failure !== undefined) throw failure;
        await syncing.stop();
        await new Promise<void>((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));
        await destroyed(stream);
        await rename(tmp, path);
        releaseTemp(tmp);
        state = 'done';
      } catch (error) {
        await discard();
        throw outputError(error, shown);
      }
    },
    async abort() {
      if (state === 'open') await discard();
    },
  };
}

/** Bytes written between two early syncs of the temp file. */
const SYNC_EVERY = 32 * 2 ** 20;

/**
 * Syncs the file as it grows (fdatasync in the thread pool every SYNC_EVERY bytes written), so that the
 * disk works while rows are still being made and the fsync of the commit has only the last part to flush
 * (measured: 0.5 s at the end of 290 MB otherwise). An early sync that fails is left to the final fsync,
 * which reports it.
 */
function syncAsWritten(stream: WriteStream, fd: number): { stop(): Promise<void> } {
  let synced = 0;
  let inFlight: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (inFlight || stream.bytesWritten - synced < SYNC_EVERY) return;
    const upTo = stream.bytesWritten;
    inFlight = new Promise<void>((resolve) =>
      fdatasync(fd, () => {
        synced = upTo;
        inFlight = undefined;
        resolve();
      }),
    );
  }, 50);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}

// Writing over a file keeps the permissions the user gave it; a folder is refused before any work is done.
function modeOf(path: string): number {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch {
    return 0o666;
  }
  if (stats.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
  return stats.mode & 0o777;
}

/** Ends the stream and waits until every byte reached the file descriptor. */
function finished(stream: WriteStream): Promise<void> {
  // Destroyed by someone else, a stream never finishes: the output is incomplete, so no commit.
  const early = (): Error => Object.assign(new Error('the output stream was closed before it was complete'), { code: 'ERR_STREAM_DESTROYED' });
  if (stream.errored) return Promise.reject(stream.errored);
  if (stream.destroyed) return Promise.reject(early());
  return new Promise((resolve, reject) => {
    stream.once('finish', resolve);
    stream.once('error', reject);
    stream.once('close', () => reject(early()));
    stream.end();
  });
}

/** Destroys the stream, which closes its descriptor once pending I/O is done, and waits for that. */
function destroyed(stream: WriteStream): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('close', () => resolve());
    stream.destroy();
  });
}

/** process.stdout is a stream already; a plain `{ write(text) }` is wrapped so callers get one shape. */
function asWritable(out: NodeJS.WritableStream | TextOut): StreamState {
  if (typeof (out as NodeJS.WritableStream).on === 'function') return out as StreamState;
  const decoder = new StringDecoder('utf8');
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, callback) {
      try {
        out.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
