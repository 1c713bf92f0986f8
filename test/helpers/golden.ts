import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, spawnIcp } from './spawn-icp.js';

/**
 * Golden outputs of every command on the fixtures. A case is a folder of test/golden/: `cmd` holds one
 * command line per line (icp's arguments, split on spaces; '...' quotes one argument with spaces); each line
 * runs in turn in a fresh folder holding a copy of fixtures/, of the files at the top of test/golden/ (icp.yaml,
 * derived from the fixtures) and of the case's other files, and the last
 * line's output is the one compared: `expected.out` (stdout), `expected.err` (stderr) and `expected.exit`.
 * Timestamps, the temp folder and the elapsed times are normalised first. `npm run golden` rewrites them.
 */
export const GOLDEN = fileURLToPath(new URL('../golden/', import.meta.url));
const OUTPUTS = new Set(['cmd', 'expected.out', 'expected.err', 'expected.exit']);

export interface GoldenRun {
  out: string;
  err: string;
  exit: string;
}

export function goldenCases(): string[] {
  return readdirSync(GOLDEN, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** icp's arguments on one line of `cmd`. */
export function argumentsOf(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => (m[1] ?? m[2]) as string);
}

/** What may differ between two runs of the same command: the clock, the temp folder, elapsed times. */
export function normalise(text: string, dir: string): string {
  return (
    text
      .replaceAll(dir, '<dir>')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
      // The day a profile page was made (the ICP's own day comes from the file).
      .replace(/\bpage made \d{4}-\d\d-\d\d\b/g, 'page made <date>')
      .replace(/\bin \d+(\.\d+)? ?(ms|s)\b/g, 'in <elapsed>')
  );
}

/** Runs a case's command lines in a fresh folder and returns the last one's normalised output. */
export function runGolden(name: string): GoldenRun {
  const caseDir = join(GOLDEN, name);
  const dir = mkdtempSync(join(tmpdir(), `icp-golden-${name}-`));
  try {
    cpSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'), { recursive: true, filter: (src) => !src.includes('generator') && !src.endsWith('.ts') });
    // The files at the top of test/golden/ (the ICP the cases score with) and the case's own.
    for (const e of readdirSync(GOLDEN, { withFileTypes: true })) if (e.isFile()) cpSync(join(GOLDEN, e.name), join(dir, e.name));
    for (const file of readdirSync(caseDir)) if (!OUTPUTS.has(file)) cpSync(join(caseDir, file), join(dir, file));
    const lines = readFileSync(join(caseDir, 'cmd'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    let last = { code: -1, stdout: '', stderr: '' };
    for (const line of lines) last = spawnIcp(argumentsOf(line), { cwd: dir });
    return { out: normalise(last.stdout, dir), err: normalise(last.stderr, dir), exit: `${last.code}\n` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The outputs a case expects, as committed. */
export function expectedGolden(name: string): GoldenRun {
  const read = (file: string) => readFileSync(join(GOLDEN, name, file), 'utf8');
  return { out: read('expected.out'), err: read('expected.err'), exit: read('expected.exit') };
}
