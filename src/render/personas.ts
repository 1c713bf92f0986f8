import type { PersonasSection } from '../core/icp/persona-schema.js';
import { markdownTable } from './markdown.js';
import { renderTable } from './table.js';
import type { ClassifyTally } from '../core/personas/classify-rows.js';
import { percentText } from '../core/percent.js';
import { plural } from '../core/plural.js';

const top = (m: Map<string, number>, n: number): string =>
  [...m]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/** The summary `icp personas classify` writes to stderr. */
export function renderClassifySummary(t: ClassifyTally, column: string): string {
  const share = (n: number) => (t.rows === 0 ? '0%' : percentText(n / t.rows));
  return [
    `classified ${plural(t.rows, 'contact')} by "${column}": ${share(t.withSeniority)} with a level, ${share(t.withFunction)} with a function, ${t.unknown} unreadable`,
    t.rows > 0 ? `  levels: ${top(t.bySeniority, 6)}` : '',
    t.rows > 0 ? `  functions: ${top(t.byFunction, 6)}` : '',
  ]
    .filter((l) => l !== '')
    .map((l) => `${l}\n`)
    .join('');
}

const q = (v: number) => (v < 0.001 ? '<0.001' : v.toPrecision(2));

type TableOf = (head: string[], rows: string[][]) => string;

/** A persona's row: its shares of the best units and of the rest, lift, q, stability, then what describes it. */
function personaRows(list: PersonasSection['personas'], extra: (x: PersonasSection['personas'][number]) => string[]): string[][] {
  return list.map((x) => [
    x.name,
    `${percentText(x.evidence.best_share)} (${x.evidence.best_count})`,
    `${percentText(x.evidence.rest_share)} (${x.evidence.rest_count})`,
    x.evidence.lift === null ? '-' : x.evidence.lift.toFixed(2),
    q(x.evidence.q_value),
    percentText(x.evidence.stability),
    ...extra(x),
  ]);
}

const shares = (list: readonly { share: number }[], label: (d: never) => string): string =>
  list
    .slice(0, 4)
    .map((d) => `${label(d as never)} ${percentText(d.share)}`)
    .join(', ');

/** The deal part (--contact-roles): won deals against lost ones, where the decision sits on won deals, their primary contact. */
function dealLines(d: NonNullable<PersonasSection['deals']>, table: TableOf): string[] {
  const head = ['deal persona', 'won deals', 'lost', 'lift', 'q', 'stability', 'role on the deal', 'typical titles'];
  const rows = personaRows(d.personas, (x) => [x.buying_role ?? '-', x.titles.join('; ')]);
  return [
    `On deals: ${plural(d.contact_roles.matched, 'contact role')} of ${d.contact_roles.name} on ${d.deals.won} won and ${d.deals.lost} lost deals of ${plural(d.deals.accounts, 'account')}`,
    ...(rows.length > 0 ? [table(head, rows)] : []),
    ...(d.notes ?? []),
    `Where the decision sits on won deals (most senior contact per deal): ${shares(d.decision, (x: { seniority: string }) => x.seniority)}`,
    ...(d.primary ? [`Primary contact of won deals, by function: ${shares(d.primary, (x: { function: string }) => x.function)}`] : []),
  ];
}

/** derive's "Personas" block: each persona with its evidence, then where the decision sits, then the deal part; undefined without the section. */
export function personasBlock(p: PersonasSection | undefined, table: TableOf, markdown = false): { title: string; body: string } | undefined {
  if (!p) return undefined;
  const head = ['persona', 'best customers', 'rest', 'lift', 'q', 'stability', 'typical titles'];
  const rows = personaRows(p.personas, (x) => [x.titles.join('; ')]);
  const who = `${plural(p.contacts.matched, 'contact')} of ${p.contacts.name} at ${p.accounts.best} best customers and ${p.accounts.rest} others`;
  const body = [
    who,
    ...(rows.length > 0 ? [table(head, rows)] : []),
    ...(p.notes ?? []),
    `Where the decision sits (most senior contact per best customer): ${shares(p.decision, (x: { seniority: string }) => x.seniority)}`,
    ...(p.deals ? dealLines(p.deals, table) : []),
  ];
  // Markdown needs a blank line between paragraphs and before a table.
  return { title: 'Personas', body: body.join(markdown ? '\n\n' : '\n') };
}

/** `icp personas`' output: the block as a table (terminal), a Markdown document, or the section as JSON. */
export function renderPersonas(p: PersonasSection, format: 'table' | 'json' | 'md', color: boolean): string {
  if (format === 'json') return `${JSON.stringify(p, null, 2)}\n`;
  const md = format === 'md';
  const block = personasBlock(p, (head, rows) => (md ? markdownTable(head, rows) : renderTable(head, rows, color)), md) as { body: string };
  const method = p.deals ? `${p.method}\n\nOn deals: ${p.deals.method}` : p.method;
  return md ? `# Personas\n\n${block.body}\n\n${method}\n` : `${block.body}\n`;
}
