import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { IcpError } from '../errors.js';

interface LockOwner {
  pid: number;
  host: string;
  token: string;
  started: string;
}

export interface Lock {
  /** True when a stale lock of a killed run was found and taken over. */
  tookOver: boolean;
  release(): Promise<void>;
}

function alive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true; // cannot tell: a lock from another machine is respected
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' ? owner : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes an exclusive lock file so that two runs cannot write the same review at once. A lock whose
 * process is gone (a killed run) is stale and taken over; a live one is an IcpError naming the lock.
 */
export async function acquireLock(path: string, what: string): Promise<Lock> {
  const me: LockOwner = { pid: process.pid, host: hostname(), token: randomUUID(), started: new Date().toISOString() };
  const body = JSON.stringify(me) + '\n';
  let tookOver = false;
  try {
    const handle = await open(path, 'wx');
    await handle.writeFile(body);
    await handle.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new IcpError(`cannot create lock ${path}: ${(error as Error).message}`);
    }
    const owner = await readOwner(path);
    if (owner && alive(owner)) {
      throw new IcpError(`${what} is already running (pid ${owner.pid}, since ${owner.started}); lock file ${path}`, {
        hint: 'wait for it to finish; if no such run exists, delete the lock file',
      });
    }
    // Stale: replace it atomically, then check we won against another run taking over at the same time.
    const temp = `${path}.${me.token}`;
    await writeFile(temp, body);
    await rename(temp, path);
    const now = await readOwner(path);
    if (now?.token !== me.token) throw new IcpError(`${what} is already running; lock file ${path}`);
    tookOver = true;
  }
  return {
    tookOver,
    release: async () => {
      const owner = await readOwner(path);
      if (owner?.token === me.token) await unlink(path).catch(() => undefined);
    },
  };
}
