import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
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

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

function ownerOf(text: string | undefined): LockOwner | undefined {
  try {
    const owner = JSON.parse(text ?? '') as LockOwner;
    return typeof owner.pid === 'number' ? owner : undefined;
  } catch {
    return undefined;
  }
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  return ownerOf(await readText(path));
}

// A review takes seconds; a lock this old belongs to a run that is gone, even if its pid was reused since.
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

function stale(owner: LockOwner | undefined, now: number): boolean {
  if (!owner) return true;
  const started = Date.parse(owner.started);
  return !alive(owner) || (Number.isFinite(started) && now - started > STALE_AFTER_MS);
}

async function create(path: string, body: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    await handle.writeFile(body);
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new IcpError(`cannot create lock ${path}: ${(error as Error).message}`, { hint: 'check that the output folder is writable' });
  }
}

/**
 * Takes an exclusive lock file so that two runs cannot write the same review at once. A lock whose
 * process is gone (a killed run), or that is hours old, is stale and taken over; a live one is an
 * IcpError naming the lock.
 */
export async function acquireLock(path: string, what: string): Promise<Lock> {
  const me: LockOwner = { pid: process.pid, host: hostname(), token: randomUUID(), started: new Date().toISOString() };
  const body = JSON.stringify(me) + '\n';
  const busy = (owner?: LockOwner) =>
    new IcpError(`${what} is already running${owner ? ` (pid ${owner.pid}, since ${owner.started})` : ''}; lock file ${path}`, {
      hint: 'wait for it to finish; if no such run exists, delete the lock file',
    });
  let tookOver = false;
  // The first attempt can meet a lock that vanishes before it is read: the holder just finished.
  if (!(await create(path, body)) && !((await readText(path)) === undefined && (await create(path, body)))) {
    const seen = await readText(path);
    const owner = ownerOf(seen);
    if (seen !== undefined && !stale(owner, Date.now())) throw busy(owner);
    // Of several runs taking over one stale lock, only one can rename it away. A run that renamed a
    // lock other than the stale one it judged (a winner's fresh lock) puts it back and gives way.
    const aside = `${path}.stale-${me.token}`;
    try {
      await rename(path, aside);
    } catch {
      throw busy(await readOwner(path));
    }
    const moved = await readText(aside);
    if (moved !== seen) {
      await link(aside, path).catch(() => undefined);
      await unlink(aside).catch(() => undefined);
      throw busy(ownerOf(moved));
    }
    await unlink(aside).catch(() => undefined);
    if (!(await create(path, body))) throw busy(await readOwner(path));
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
