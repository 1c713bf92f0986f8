import { resolve } from 'node:path';
import { icpTemplate } from '../../core/icp/template.js';
import { UsageError } from '../../errors.js';
import { stringifyIcp, writeIcp } from '../../io/yaml.js';
import type { CommandContext } from '../context.js';
import type { CommandInput } from '../command-module.js';
import type { INIT_OPTIONS } from '../options/small-commands.js';

/** `icp init`: writes a commented template ICP (status manual) that validates as is. */
export async function run(input: CommandInput<typeof INIT_OPTIONS>, ctx: CommandContext): Promise<number> {
  if (input.args.length > 0) throw new UsageError(`init takes no arguments, got ${input.args.join(' ')}`);
  const { output, force } = input.options;
  if (output === '') throw new UsageError('--output needs a file name');
  const doc = icpTemplate(ctx.now());
  // `-o -` prints the template, e.g. to pipe it somewhere; data goes to stdout like every other command.
  if (output === '-') {
    ctx.stdout.write(stringifyIcp(doc));
    return 0;
  }
  await writeIcp(resolve(ctx.cwd, output), doc, { force, displayPath: output });
  ctx.stderr.write(`wrote ${output}\n`);
  if (!ctx.quiet) ctx.stderr.write(`next: edit it, then run "icp validate ${output}"\n`);
  return 0;
}
