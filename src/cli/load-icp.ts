import { resolve } from 'node:path';
import type { IcpDocument } from '../core/icp/schema.js';
import { IcpError } from '../errors.js';
import { checkIcpText, formatProblem, readIcpText } from '../io/yaml.js';
import type { CommandContext } from './context.js';

/**
 * Loads the ICP a command applies (`--icp`, else ./icp.yaml in the working directory). An invalid file
 * prints every problem exactly as `icp validate` does, then fails.
 */
export async function loadIcp(option: string | undefined, ctx: CommandContext): Promise<IcpDocument> {
  const display = option ?? 'icp.yaml';
  const text = await readIcpText(resolve(ctx.cwd, display), display, 'run "icp derive <customers.csv>" to create one, or pass --icp <file>');
  const { doc, problems } = checkIcpText(text, display);
  if (doc && problems.length === 0) return doc;
  for (const p of problems.slice(1)) ctx.stderr.write(`${formatProblem(p)}\n`);
  const first = problems[0];
  throw new IcpError(first ? formatProblem(first) : `${display} is not a valid ICP file`, {
    hint: `fix ${problems.length === 1 ? 'it' : `these ${problems.length} problems`}, then check with "icp validate ${display}"`,
  });
}
