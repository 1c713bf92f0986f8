import { resolve } from 'node:path';
import type { PersonasSection } from '../../core/icp/persona-schema.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../io/output/atomic-write.js';
import { markdownTable } from '../../render/markdown.js';
import { personasBlock } from '../../render/personas.js';
import { renderTable } from '../../render/table.js';
import type { CommandInput } from '../command-module.js';
import type { CommandContext } from '../context.js';
import { csvOptions } from '../input.js';
import { loadIcp } from '../load-icp.js';
import type { PERSONAS_OPTIONS } from '../options/personas.js';
import type { OptionValues } from '../options/spec.js';
import { personasFromFiles } from '../personas-files.js';

type PersonasValues = OptionValues<typeof PERSONAS_OPTIONS>;

/** The section in the chosen format: a table and notes, Markdown, or the section itself as JSON. */
function render(p: PersonasSection, format: PersonasValues['format'], color: boolean): string {
  if (format === 'json') return `${JSON.stringify(p, null, 2)}\n`;
  const md = format === 'md';
  const block = personasBlock(p, (head, rows) => (md ? markdownTable(head, rows) : renderTable(head, rows, color))) as { title: string; body: string };
  if (!md) return `${block.body}\n`;
  // Paragraphs apart, a table's rows together.
  const lines = block.body.split('\n');
  const text = lines.map((l, i) => (i > 0 && !(l.startsWith('|') && lines[i - 1]?.startsWith('|')) ? `\n${l}` : l)).join('\n');
  return `# Personas\n\n${text}\n\n${p.method}\n`;
}

/** `icp personas`: who buys at the best customers, from a contacts export (personasFromFiles). */
export async function run({ options: o }: CommandInput<typeof PERSONAS_OPTIONS>, ctx: CommandContext): Promise<number> {
  if (o.contacts === undefined || o.customers === undefined) {
    throw new UsageError('icp personas needs --contacts <file> and --customers <file>', {
      hint: 'or "icp personas classify <contacts>" to read the titles alone',
    });
  }
  const recorded = o.icp === undefined ? {} : ((await loadIcp(o.icp, ctx)).options ?? {});
  const files = { contacts: o.contacts, customers: o.customers, deals: o.deals, titles: o.titles };
  const section = await personasFromFiles(files, recorded, o.map, csvOptions(o, ctx), ctx);
  const text = render(section, o.format, o.output === undefined && ctx.color);
  if (o.output === undefined || o.output === '-') ctx.stdout.write(text);
  else await writeFileAtomic(resolve(ctx.cwd, o.output), text, { displayPath: o.output });
  return 0;
}
