import { access } from 'node:fs/promises';

/** Whether a path exists; commands check their output early, so a long run does not end in a refusal. */
export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
