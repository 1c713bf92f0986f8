import type { ColumnInfo } from '../columns/infer.js';
import { findHeader, type Role } from '../columns/roles.js';
import { neverMined, STAGE_REASON, TEAM_REASON } from './never-mined.js';
import { noColumn } from '../columns/no-column.js';

// Keys, names and contact details say who a customer is, not what kind of company it is.
const IDENTITY_ROLES: ReadonlySet<Role> = new Set(['id', 'account_id', 'name', 'account_name', 'domain', 'email', 'phone', 'first_name', 'last_name', 'notes']);
// The outcome and anything computed from it would "explain" the cohort by restating it. Stage-derived fields
// (deal stage, probability, lost reason...) and our own team (owner, sales agent) are in never-mined.ts.
const LEAKAGE_ROLES: ReadonlySet<Role> = new Set([
  'won',
  'amount',
  'converted',
  'lifetime_value',
  'close_date',
  'created_date',
  'last_activity_date',
  'pipeline',
  'cost',
]);
const ATTRIBUTE_TYPES = new Set(['category', 'multi', 'boolean', 'number', 'money', 'employee_range', 'date']);

/** The columns an option lists (`attributes`, `exclude`, `allow`); an error naming the option for one the file lacks. */
export function resolveList(names: readonly string[], header: readonly string[], option: string, file: string): number[] {
  return names.map((name) => {
    const index = findHeader(header, name);
    if (index < 0) throw noColumn(option, name, file, header);
    return index;
  });
}

/**
 * The columns mined for criteria: every attribute column except keys, names, emails, URLs, free text, the
 * value/outcome columns and anything computed from them, fields the CRM sets from the deal stage and our own team
 * (owner, sales agent); `--attributes` narrows, `--exclude` removes.
 */
export function attributeColumns(
  columns: readonly ColumnInfo[],
  file: string,
  options: { attributes?: readonly string[]; exclude?: readonly string[]; valueColumns: readonly number[] },
): { included: number[]; skipped: { header: string; why: string }[] } {
  const header = columns.map((c) => c.header);
  const only = options.attributes?.length ? new Set(resolveList(options.attributes, header, 'attributes', file)) : undefined;
  const excluded = new Set(resolveList(options.exclude ?? [], header, 'exclude', file));
  const included: number[] = [];
  const skipped: { header: string; why: string }[] = [];
  for (const column of columns) {
    const skip = (why: string) => skipped.push({ header: column.header, why });
    if (only && !only.has(column.index)) continue;
    if (excluded.has(column.index)) skip('--exclude');
    else if (options.valueColumns.includes(column.index)) skip('it is the value or outcome measured');
    else if (neverMined(column) === 'team') skip(TEAM_REASON);
    else if (neverMined(column) === 'stage') skip(STAGE_REASON);
    else if (column.role && IDENTITY_ROLES.has(column.role)) skip(`identifies a customer (${column.role})`);
    else if (column.role && LEAKAGE_ROLES.has(column.role)) skip(`computed from the outcome (${column.role})`);
    // Known by its values (mostly URLs), not its header: "Total Time Spent on Website" is a number and mined.
    else if (column.type === 'link') skip('a link');
    else if (!ATTRIBUTE_TYPES.has(column.type)) skip(`${column.type} column`);
    else included.push(column.index);
  }
  return { included, skipped };
}
