import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../src/core/columns/infer.js';
import { assignRoles } from '../../../src/core/columns/roles.js';
import { typeTable } from '../../../src/core/columns/type-table.js';
import type { Table } from '../../../src/core/table.js';
import { attributeColumns } from '../../../src/core/derive/attributes.js';

/** A lead export the way the Kaggle/X Education one looks: a running Lead Number, links, time on the website. */
function leadTable(n = 60): Table {
  const header = [
    'Lead Number',
    'Email',
    'Website',
    'LinkedIn',
    'Company Twitter',
    'Total Time Spent on Website',
    'Page Views Per Visit',
    'Industry',
    'Web Technologies',
    'Ref',
    'Converted',
  ];
  const industries = ['Retail', 'Software', 'Banking'];
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    rows.push([
      String(660_001 + 3 * i + (i % 3)),
      `p${i}@acme${i}.com`,
      `acme${i}.com`,
      i % 10 === 0 ? '' : `https://www.linkedin.com/company/acme-${i}`,
      `twitter.com/acme${i}`,
      String((i * 37) % 1500),
      (((i * 7) % 9) / 2).toFixed(1),
      industries[i % 3] as string,
      ['Slack;HubSpot', 'AWS', ''][i % 3] as string,
      String(1000 + i),
      i % 4 === 0 ? 'true' : 'false',
    ]);
  }
  return { name: 'leads.csv', header, rows, lines: rows.map((_, i) => i + 2), sha256: '' };
}

describe('attributeColumns', () => {
  const table = leadTable();
  const columns = typeTable(table, assignRoles(table.header));
  const type = (h: string) => columns.find((c) => c.header === h)?.type;
  const converted = table.header.indexOf('Converted');
  const { included, skipped } = attributeColumns(columns, 'leads.csv', { valueColumns: [converted] });
  const mined = included.map((i) => table.header[i]);
  const why = (h: string) => skipped.find((s) => s.header === h)?.why;

  it('mines a number whose header mentions the website: links are known by their values', () => {
    expect(type('Total Time Spent on Website')).toBe('number');
    expect(mined).toContain('Total Time Spent on Website');
    expect(mined).toEqual(['Total Time Spent on Website', 'Page Views Per Visit', 'Industry', 'Web Technologies']);
  });

  it('skips columns of URLs as "a link", whatever their header', () => {
    expect(type('LinkedIn')).toBe('link');
    expect(type('Company Twitter')).toBe('link');
    expect(why('LinkedIn')).toBe('a link');
    expect(why('Company Twitter')).toBe('a link');
  });

  it('keeps a Website of domains an identity (domain role), not a link', () => {
    expect(columns.find((c) => c.header === 'Website')).toMatchObject({ role: 'domain', type: 'id' });
    expect(why('Website')).toBe('identifies a customer (domain)');
  });

  it('never mines record numbers, named or running', () => {
    expect(type('Lead Number')).toBe('id');
    expect(type('Ref')).toBe('id');
    expect(why('Lead Number')).toBe('id column');
    expect(why('Ref')).toBe('id column');
  });

  it('skips a link column even when --attributes names it', () => {
    const linkedIn = columns.find((c) => c.header === 'LinkedIn') as ColumnInfo;
    const only = attributeColumns(columns, 'leads.csv', { attributes: ['LinkedIn'], valueColumns: [converted] });
    expect(only.included).toEqual([]);
    expect(only.skipped).toEqual([{ header: linkedIn.header, why: 'a link' }]);
  });
});
