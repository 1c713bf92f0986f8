import { resolve } from 'node:path';
import type { IcpDocument } from '../core/icp/schema.js';
import { IcpError } from '../errors.js';
import { checkIcpText, formatProblem, readIcpText } from '../io/yaml.js';
import type { CommandContext } from './context.js';
import { ICP_FILE } from './options/shared.js';

/**
 * Loads the ICP a command applies (`--icp`, else ./icp.yaml in the working directory). An invalid file
 * prints every problem exactly as `icp validate` does, then fails.
 */
export async function loadIcp(
  option: string | undefined,
  ctx: CommandContext,
  missingHint = 'run "icp derive <customers.csv>" to create one, or pass --icp <file>',
): Promise<IcpDocument> {
  return (await loadIcpText(option, ctx, missingHint)).doc;
}

/** loadIcp, with the file's text as read (for a digest of the file that was applied). */
export async function loadIcpText(
  option: string | undefined,
  ctx: CommandContext,
  missingHint = 'run "icp derive <customers.csv>" to create one, or pass --icp <file>',
): Promise<{ doc: IcpDocument; text: string }> {
  const display = option ?? ICP_FILE;
  const text = await readIcpText(resolve(ctx.cwd, display), display, missingHint);
  const { doc, problems } = checkIcpText(text, display);
  if (doc && problems.length === 0) return { doc, text };
  // The same lines `icp validate` prints, under one error line.
  throw new IcpError(`${display} is not a valid ICP file (${problems.length} problem${problems.length === 1 ? '' : 's'})`, {
    details: problems.map(formatProblem),
    hint: `fix ${problems.length === 1 ? 'it' : `these ${problems.length} problems`}, then check with "icp validate ${display}"`,
  });
}
