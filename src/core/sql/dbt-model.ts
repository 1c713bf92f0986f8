import { IcpError } from '../../errors.js';

const JINJA = /\{[{%#]/;

/**
 * The score SELECT as a dbt model: a header comment, a view config, and the SELECT. The table may be dbt's
 * own `{{ ref('leads') }}`; everything else is kept from Jinja (an ICP value holding `{{` is data) in a raw
 * block.
 */
export function dbtModel(sql: string, source: { icp: string; dialect: string; table: string }): string {
  const table = source.table.trim().replace(/^\(([\s\S]*)\)$/, '$1');
  const at = sql.lastIndexOf(table);
  const [before, after] = at < 0 ? [sql, ''] : [sql.slice(0, at), sql.slice(at + table.length)];
  if (/endraw/i.test(before + after)) {
    throw new IcpError('the ICP file holds "endraw", which a dbt model cannot keep as data', { hint: 'write the statement with --format sql' });
  }
  const raw = (text: string) => (JINJA.test(text) ? `{% raw %}${text}{% endraw %}` : text);
  const header = [
    `-- dbt model: the ICP's scores of each row of ${source.table}, from ${source.icp} (icp sql score, ${source.dialect}).`,
    '-- Regenerate it after each icp derive; icp_version says which ICP file scored a row.',
    "{{ config(materialized='view') }}",
    '',
  ].join('\n');
  return `${header}${raw(before)}${at < 0 ? '' : table}${raw(after)}`;
}
