import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * End-to-end tests spawn dist/; build it once per run so they never test stale code. When the build
 * fails, dist/ is removed so those tests fail loudly, while the unit tests still run.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  try {
    execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    rmSync(`${root}dist`, { recursive: true, force: true });
    const out = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    console.error(`build failed; end-to-end tests will fail:\n${out}`);
  }
}
