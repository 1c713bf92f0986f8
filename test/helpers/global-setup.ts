import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The newest (or oldest) modification time of the files under a folder; undefined when it has none. */
function mtimes(dir: string, pick: (a: number, b: number) => number): number | undefined {
  let found: number | undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const t = statSync(join(entry.parentPath, entry.name)).mtimeMs;
    found = found === undefined ? t : pick(found, t);
  }
  return found;
}

/** Whether every file of dist/ was written after the newest file of src/ and the build's config. */
function distIsFresh(root: string): boolean {
  try {
    const oldestBuilt = mtimes(join(root, 'dist'), Math.min);
    const newestSource = Math.max(
      mtimes(join(root, 'src'), Math.max) ?? 0,
      ...['tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(join(root, f)).mtimeMs),
    );
    return oldestBuilt !== undefined && oldestBuilt >= newestSource;
  } catch {
    return false;
  }
}

/**
 * End-to-end tests spawn dist/; build it once per run so they never test stale code (skipped when dist/ is
 * newer than every source, as after .ci/run's own build). When the build fails, dist/ is removed so those
 * tests fail loudly, while the unit tests still run.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  if (distIsFresh(root)) return;
  try {
    execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    rmSync(`${root}dist`, { recursive: true, force: true });
    const out = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    console.error(`build failed; end-to-end tests will fail:\n${out}`);
  }
}
