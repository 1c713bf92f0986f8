import { resolve } from 'node:path';
import { describeTiers } from '../../core/icp/tiers.js';
import { UsageError } from '../../errors.js';
import { checkIcpText, formatProblem, readIcpText } from '../../io/yaml.js';
import type { CommandContext } from '../context.js';
import type { CommandInput } from '../command-module.js';
import { ICP_FILE } from '../options/shared.js';
import type { VALIDATE_OPTIONS } from '../options/small-commands.js';

const MISSING_HINT = 'run "icp init" to write a template, or "icp derive" to derive one from your CRM export';

/** `icp validate [file]`: every problem with its YAML line on stdout; exit 1 when there is any. */
export async function run(input: CommandInput<typeof VALIDATE_OPTIONS>, ctx: CommandContext): Promise<number> {
  const [file = ICP_FILE, ...extra] = input.args;
  if (extra.length > 0) throw new UsageError(`validate takes one file, got ${input.args.length}`);
  const { format } = input.options;
  const text = await readIcpText(resolve(ctx.cwd, file), file, MISSING_HINT);
  const { doc, problems } = checkIcpText(text, file);
  const ok = doc !== undefined && problems.length === 0;
  if (format === 'json') {
    ctx.stdout.write(`${JSON.stringify({ file, ok, problems }, null, 2)}\n`);
  } else if (ok) {
    const count = `${doc.criteria.length} ${doc.criteria.length === 1 ? 'criterion' : 'criteria'}`;
    ctx.stdout.write(`${file}: ok (${doc.status}, ${count}, tiers ${describeTiers(doc.tiers)})\n`);
  } else {
    for (const problem of problems) ctx.stdout.write(`${formatProblem(problem)}\n`);
  }
  return ok ? 0 : 1;
}
