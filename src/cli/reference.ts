import { globalOptions } from './options/shared.js';
import { describeOption, type OptionSpec } from './options/spec.js';
import { commands } from './registry.js';

const row = (o: OptionSpec) =>
  `| \`${o.flags.replace(/\|/g, '\\|')}\` | ${describeOption(o).replace(/\|/g, '\\|')}${o.choices ? ` (${o.choices.join(', ')})` : ''} |`;

/** The README's command reference, generated from the same option data commander is built from. */
export function commandReference(): string {
  const parts: string[] = [];
  for (const spec of commands) {
    parts.push(`### icp ${spec.name} ${spec.args.join(' ')}`.trimEnd(), '', `${spec.summary[0]?.toUpperCase()}${spec.summary.slice(1)}.`, '');
    if (Object.keys(spec.options).length > 0) parts.push('| option | meaning |', '|---|---|', ...Object.values(spec.options).map(row), '');
    parts.push('```sh', ...spec.examples, '```', '');
  }
  parts.push('### Options of every command', '', '| option | meaning |', '|---|---|', ...globalOptions.map(row), '');
  return parts.join('\n');
}
