import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IcpError } from '../../../src/errors.js';
import { CsvWriter } from '../../../src/io/output/csv-writer.js';
import { removeLiveTemps } from '../../../src/io/output/atomic-write.js';
import { isOutputClosed, openOutput, outputError } from '../../../src/io/output/output-sink.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'icp-output-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const write = (stream: NodeJS.WritableStream, text: string) => new Promise<void>((resolve, reject) => stream.write(text, (e) => (e ? reject(e) : resolve())));
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );
const tempFiles = async () => (await readdir(dir)).filter((name) => name.includes('icp-tmp'));

describe('openOutput to stdout', () => {
  it.each([undefined, '-'])('with path %j writes to the given stdout, waits for it on commit and never ends it', async (path) => {
    const taken: string[] = [];
    const stdout = new Writable({
      highWaterMark: 4,
      write(chunk: Buffer, _encoding, callback) {
        setTimeout(() => {
          taken.push(chunk.toString());
          callback();
        }, 2);
      },
    });
    const sink = openOutput(path, stdout);
    expect(sink.stream).toBe(stdout);
    expect(sink.displayName).toBe('<stdout>');
    sink.stream.write('a,b\n');
    sink.stream.write('1,2\n');
    expect(taken.join('')).toBe('');
    await sink.commit();
    expect(taken.join('')).toBe('a,b\n1,2\n');
    expect(stdout.writableEnded).toBe(false);
    await sink.abort(); // nothing to undo, and no error
    expect(await readdir(dir)).toEqual([]);
  });

  it('commits quietly when the reader has gone away (EPIPE)', async () => {
    const stdout = new Writable({
      highWaterMark: 2,
      write(_chunk, _encoding, callback) {
        setTimeout(() => callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })), 1);
      },
    });
    stdout.on('error', () => undefined); // what main.ts does for process.stdout
    const sink = openOutput(undefined, stdout);
    sink.stream.write('more than two bytes\n');
    await expect(sink.commit()).resolves.toBeUndefined();
  });

  it('wraps a plain { write(text) } (the in-process test stdout) in a stream', async () => {
    let text = '';
    const sink = openOutput('-', { write: (s: string) => (text += s) });
    const writer = new CsvWriter(sink.stream);
    writer.writeRow(['Zürich', '=1+1']);
    await writer.end();
    await sink.commit();
    expect(text).toBe("Zürich,'=1+1\n");
  });
});

describe('openOutput to a file', () => {
  it('writes a temp file in the same folder and renames it over the path on commit', async () => {
    const path = join(dir, 'scored.csv');
    const sink = openOutput(path, process.stdout);
    expect(sink.displayName).toBe(path);
    await write(sink.stream, 'a,b\n1,2\n');
    expect(await readdir(dir)).toHaveLength(1);
    expect(await tempFiles()).toHaveLength(1); // only the temp file exists until commit
    await sink.commit();
    expect(await readFile(path, 'utf8')).toBe('a,b\n1,2\n');
    expect(await readdir(dir)).toEqual(['scored.csv']);
    await sink.abort(); // after commit: a no-op that must not remove the result
    expect(await readFile(path, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('leaves the old file readable and whole until commit, then replaces it keeping its permissions', async () => {
    const path = join(dir, 'scored.csv');
    await writeFile(path, 'old content\n');
    await chmod(path, 0o640);
    const sink = openOutput(path, process.stdout);
    const writer = new CsvWriter(sink.stream, { chunkChars: 1 });
    for (let i = 0; i < 1000; i++) writer.writeRow([`row ${i}`, 'new']);
    await writer.end();
    expect(await readFile(path, 'utf8')).toBe('old content\n');
    await sink.commit();
    const content = await readFile(path, 'utf8');
    expect(content.startsWith('row 0,new\nrow 1,new\n')).toBe(true);
    expect(content.split('\n')).toHaveLength(1001);
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    expect(await tempFiles()).toEqual([]);
  });

  it('abort removes the temp file and leaves the old file untouched', async () => {
    const path = join(dir, 'scored.csv');
    await writeFile(path, 'keep me\n');
    const sink = openOutput(path, process.stdout);
    await write(sink.stream, 'partial,out');
    await sink.abort();
    expect(await readFile(path, 'utf8')).toBe('keep me\n');
    expect(await readdir(dir)).toEqual(['scored.csv']);
    await sink.abort(); // twice is fine
    await expect(sink.commit()).rejects.toBeInstanceOf(IcpError);
    expect(await readFile(path, 'utf8')).toBe('keep me\n');
  });

  it('abort before any write, with no earlier file, leaves nothing behind', async () => {
    const sink = openOutput(join(dir, 'new.csv'), process.stdout);
    await sink.abort();
    expect(await readdir(dir)).toEqual([]);
  });

  it('a write error fails the commit with an IcpError, removes the temp file and keeps the old file', async () => {
    const path = join(dir, 'scored.csv');
    await writeFile(path, 'keep me\n');
    const sink = openOutput(path, process.stdout);
    await write(sink.stream, 'a,b\n');
    sink.stream.emit('error', Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    const error = await failure(sink.commit());
    expect(error).toBeInstanceOf(IcpError);
    expect(error).toMatchObject({ message: `cannot write ${path}: no space left on the device` });
    expect(await readFile(path, 'utf8')).toBe('keep me\n');
    expect(await readdir(dir)).toEqual(['scored.csv']);
  });

  it('a stream destroyed before commit is not committed', async () => {
    const path = join(dir, 'scored.csv');
    const sink = openOutput(path, process.stdout);
    await write(sink.stream, 'a,b\n');
    (sink.stream as Writable).destroy();
    await expect(sink.commit()).rejects.toBeInstanceOf(IcpError);
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails at once, before any output, when the folder is missing', () => {
    const path = join(dir, 'missing', 'scored.csv');
    expect(() => openOutput(path, process.stdout)).toThrow(new IcpError(`cannot write ${path}: the folder ${join(dir, 'missing')} does not exist`));
  });

  it('fails at once when the path is a folder, creating nothing', async () => {
    const path = join(dir, 'folder');
    await mkdir(path);
    expect(() => openOutput(path, process.stdout)).toThrow(`cannot write ${path}: it is a folder`);
    expect(await readdir(dir)).toEqual(['folder']);
  });
});

describe('openOutput and the temp files of other runs', () => {
  it("removes a killed run's temp file of the same target when it opens, and keeps its own while writing", async () => {
    const path = join(dir, 'scored.csv');
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid as number;
    const dead = `.scored.csv.icp-tmp-${deadPid}-a1b2c3d4e5f6`;
    const live = `.scored.csv.icp-tmp-${process.ppid}-a1b2c3d4e5f6`;
    await writeFile(join(dir, dead), 'left by kill -9');
    await writeFile(join(dir, live), 'another run, still writing');
    const sink = openOutput(path, process.stdout);
    const mine = (await tempFiles()).filter((name) => name !== live);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatch(new RegExp(`^\\.scored\\.csv\\.icp-tmp-${process.pid}-[0-9a-f]{12}$`));
    await write(sink.stream, 'a,b\n');
    await sink.commit();
    removeLiveTemps(); // a committed file is no longer live: an exit handler must not touch it
    expect((await readdir(dir)).sort()).toEqual([live, 'scored.csv']);
    expect(await readFile(path, 'utf8')).toBe('a,b\n');
  });

  it('an interrupted run removes the temp file it is writing, and the old file stays', async () => {
    const path = join(dir, 'scored.csv');
    await writeFile(path, 'keep me\n');
    const sink = openOutput(path, process.stdout);
    await write(sink.stream, 'partial,out');
    removeLiveTemps(); // what the SIGINT handler does before it exits
    expect(await readdir(dir)).toEqual(['scored.csv']);
    await sink.abort();
    expect(await readFile(path, 'utf8')).toBe('keep me\n');
  });
});

describe('output errors', () => {
  it('tells a closed reader from a real failure', () => {
    for (const code of ['EPIPE', 'ERR_STREAM_DESTROYED']) expect(isOutputClosed(Object.assign(new Error(code), { code }))).toBe(true);
    for (const code of ['ENOSPC', 'EACCES', undefined]) expect(isOutputClosed(Object.assign(new Error('x'), { code }))).toBe(false);
    expect(isOutputClosed('EPIPE')).toBe(false);
  });

  it('names the output and says why in words', () => {
    const error = outputError(Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' }), 'out/scored.csv');
    expect(error).toBeInstanceOf(IcpError);
    expect(error.message).toBe('cannot write out/scored.csv: permission denied');
    expect(outputError(new Error('odd'), 'x.csv').message).toBe('cannot write x.csv: odd');
    const original = new IcpError('already explained');
    expect(outputError(original, 'x.csv')).toBe(original);
  });
});
