import type { Role } from '../core/columns/roles.js';
import { findHeader } from '../core/columns/roles.js';
import type { IcpDocument } from '../core/icp/schema.js';
import { type CompiledIcp, compileIcp } from '../core/score/compile.js';
import { IcpError, UsageError } from '../errors.js';
import type { CsvFile } from '../io/csv/csv-reader.js';
import type { CommandContext } from './context.js';

/** The columns icp score appends (before icp_reasons with --explain). */
export const SCORE_COLUMNS = ['icp_score', 'icp_tier', 'icp_matched', 'icp_unknown'];

/** Refuses a file that was scored before: scoring it again would add a second set of icp_* columns. */
function refuseScored(file: CsvFile): void {
  const scored = file.header.filter((h) => [...SCORE_COLUMNS, 'icp_reasons'].includes(h));
  if (scored.length === 0) return;
  throw new IcpError(`${file.displayName} already has ${scored.join(', ')}: it was scored before`, {
    hint: 'score the original export, or remove the icp_* columns first',
  });
}

/** Checks --map against the file's header. `--map role=` removes a role; it names no column to look for. */
function checkMap(map: ReadonlyMap<string, string>, file: CsvFile): void {
  for (const [role, wanted] of map) {
    if (wanted === '' || findHeader(file.header, wanted) >= 0) continue;
    throw new UsageError(`--map ${role}=${wanted}: no column "${wanted}" in ${file.displayName}`, {
      hint: `columns: ${file.header.map((h) => JSON.stringify(h)).join(', ')}`,
    });
  }
}

/**
 * The ICP compiled against the file's header (and its first rows), with a warning for each criterion
 * whose column is missing; an error when none of them is there.
 */
export function compileForFile(
  doc: IcpDocument,
  file: CsvFile,
  sample: string[][],
  map: ReadonlyMap<Role, string>,
  ctx: CommandContext,
  contacts = false,
): CompiledIcp {
  refuseScored(file);
  checkMap(map, file);
  if (doc.criteria.length === 0) {
    ctx.warn({ message: `the ICP is ${doc.status} and has no criteria: every row scores 0 (tier D)` });
  }
  // A removed role (`--map role=`) locates nothing: compile finds criteria by header and mapped columns only.
  const compiled = compileIcp(doc, file.header, sample, new Map([...map].filter(([, header]) => header !== '')));
  const missing = compiled.criteria.filter((c) => c.column === undefined);
  // A contacts export seldom has the company's columns: with --personas, one line says so.
  if (contacts && doc.criteria.length > 0 && missing.length === compiled.criteria.length) {
    ctx.warn({ file: file.displayName, message: "none of the ICP's columns: icp_score is 0 for every contact; persona and persona_match still apply" });
    return compiled;
  }
  for (const c of missing) {
    ctx.warn({ file: file.displayName, message: `no column for "${c.criterion.label}" (${c.criterion.column}): unknown for every row` });
  }
  if (doc.criteria.length > 0 && missing.length === compiled.criteria.length) {
    throw new IcpError(`${file.displayName} has none of the ICP's columns (${doc.criteria.map((c) => c.column).join(', ')})`, {
      hint: 'map them with --map role=Header, e.g. --map industry="Sector"',
    });
  }
  return compiled;
}
