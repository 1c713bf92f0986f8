import { describe, expect, it } from 'vitest';
import { inferColumn } from '../../../src/core/columns/infer.js';
import { typeTable } from '../../../src/core/columns/type-table.js';
import { parseRoleMap } from '../../../src/cli/parse-options.js';
import { assignRoles, roleSource } from '../../../src/core/columns/roles.js';
import { customerKeyColumn, groupCustomers } from '../../../src/core/profile/customers.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';

const csv = (header: string, rows: (i: number) => string, n: number) =>
  tableFromCsv('t.csv', [header, ...Array.from({ length: n }, (_, i) => rows(i))].join('\n'));
const COUNTRY_NAMES = ['United States', 'Belgium', 'Brazil', 'Kenya', 'Germany', 'Japan'];

describe('roles confirmed by values', () => {
  it('a country column under a non-country header gets the country role from its values, not city', () => {
    const table = csv('account,office_location,sector', (i) => `Acme ${i},${COUNTRY_NAMES[i % 6]},Retail`, 60);
    const roles = assignRoles(table.header);
    expect(roles.byColumn.get(1)).toBe('city');
    const columns = typeTable(table, roles);
    expect(roles.byRole.get('country')).toBe(1);
    expect(roles.byRole.has('city')).toBe(false);
    expect(roleSource(roles, 'country')).toBe('values');
    expect(columns[1]).toMatchObject({ role: 'country', roleSource: 'values', type: 'category' });
    expect(columns[1]?.notes.join(' ')).toMatch(/values are countries/);
  });

  it('a roleless column of alpha-3 codes becomes the country; a header country keeps its column', () => {
    const codes = csv('Name,Where', (i) => `Acme ${i},${['USA', 'bel', 'BRA', 'KEN'][i % 4]}`, 20);
    const roles = assignRoles(codes.header);
    typeTable(codes, roles);
    expect(roles.byRole.get('country')).toBe(1);
    const both = csv('Name,Country,office_location', (i) => `Acme ${i},Kenya,${COUNTRY_NAMES[i % 6]}`, 20);
    const bothRoles = assignRoles(both.header);
    typeTable(both, bothRoles);
    expect(bothRoles.byRole.get('country')).toBe(1);
    expect(roleSource(bothRoles, 'country')).toBe('header');
    // office_location holds countries, so it is no city either.
    expect(bothRoles.byColumn.has(2)).toBe(false);
  });

  it('a column of US states stays a region', () => {
    const table = csv('Name,State', (i) => `Acme ${i},${['CA', 'DE', 'IN', 'PA', 'GA'][i % 5]}`, 50);
    const roles = assignRoles(table.header);
    typeTable(table, roles);
    expect(roles.byRole.get('region')).toBe(1);
    expect(roles.byRole.has('country')).toBe(false);
  });

  it('a name with a handful of values over many rows is a category: each row is its own record', () => {
    const table = csv('Client,Amount,Stage', (i) => `${['Current', 'New', 'Past'][i % 3]},${100 + i},Won`, 448);
    const roles = assignRoles(table.header);
    expect(roles.byRole.get('name')).toBe(0);
    const columns = typeTable(table, roles);
    expect(roles.byRole.has('name')).toBe(false);
    expect(columns[0]).toMatchObject({ role: undefined, type: 'category' });
    expect(columns[0]?.notes.join(' ')).toMatch(/only 3 distinct values in 448 cells/);
    const key = customerKeyColumn(roles);
    expect(key).toBeUndefined();
    expect(groupCustomers(table, key).customers).toHaveLength(448);
  });

  it('the role refused to one column goes to the next header that suggests it', () => {
    const table = csv('Client,Company,Amount', (i) => `${['Current', 'New', 'Past'][i % 3]},Firm ${i},${i}`, 60);
    const roles = assignRoles(table.header);
    typeTable(table, roles);
    expect(roles.byRole.get('name')).toBe(1);
  });

  it('keeps keys that repeat as one row per order does, and small files whatever they repeat', () => {
    const orders = csv('Customer ID,Total', (i) => `C${i % 40},${i}`, 81);
    const roles = assignRoles(orders.header);
    typeTable(orders, roles);
    expect(roles.byRole.get('id')).toBe(0);
    const small = csv('Company name,Total', (i) => `Firm ${i % 3},${i}`, 30);
    const smallRoles = assignRoles(small.header);
    typeTable(small, smallRoles);
    expect(smallRoles.byRole.get('name')).toBe(0);
    // A deals file's account key repeats by nature: many deals per account.
    const deals = csv('Deal ID,Account ID,Amount', (i) => `D${i},A${i % 5},${i}`, 100);
    const dealRoles = assignRoles(deals.header);
    typeTable(deals, dealRoles);
    expect(dealRoles.byRole.get('account_id')).toBe(1);
  });

  it('an activity column whose values are not dates gets no date role', () => {
    const table = csv(
      'Name,Last Activity,Created Date',
      (i) => `Acme ${i},${['Email Opened', 'Page Visited', 'SMS Sent'][i % 3]},2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      40,
    );
    const roles = assignRoles(table.header);
    expect(roles.byRole.get('last_activity_date')).toBe(1);
    const columns = typeTable(table, roles);
    expect(roles.byRole.has('last_activity_date')).toBe(false);
    expect(columns[1]).toMatchObject({ role: undefined, type: 'category' });
    expect(columns[1]?.notes.join(' ')).toMatch(/not dates \("Email Opened", "Page Visited"\)/);
    expect(columns[2]).toMatchObject({ role: 'created_date', type: 'date', roleSource: 'header' });
  });

  it('ids written digits-dash-digits are no employee ranges, by header or by values', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `${1 + (i % 9)}-${203974 + i * 17}`);
    const table = csv('Name,Employees,Prospect', (i) => `Acme ${i},${ids[i]},${ids[i]}`, 40);
    const roles = assignRoles(table.header);
    expect(roles.byRole.get('employees')).toBe(1);
    const columns = typeTable(table, roles);
    expect(roles.byRole.has('employees')).toBe(false);
    expect(columns[1]?.type).not.toBe('employee_range');
    expect(columns[2]?.type).not.toBe('employee_range');
    // Real bands still are.
    const bands = ['1-10', '11-50', '51-200', '201-500', '1,001-5,000', '10,001+', '0-1'];
    const ok = csv('Name,Company size', (i) => `Acme ${i},"${bands[i % 7]}"`, 40);
    const okRoles = assignRoles(ok.header);
    expect(typeTable(ok, okRoles)[1]).toMatchObject({ role: 'employees', type: 'employee_range' });
  });

  it('--map is never overruled by the values, and `--map role=` removes a guessed role', () => {
    const table = csv('Client,office_location', (i) => `${['Current', 'New', 'Past'][i % 3]},${COUNTRY_NAMES[i % 6]}`, 60);
    const mapped = assignRoles(table.header, parseRoleMap(['name=Client', 'city=office_location']));
    typeTable(table, mapped);
    expect(mapped.byRole.get('name')).toBe(0);
    expect(mapped.byRole.get('city')).toBe(1);
    expect(roleSource(mapped, 'city')).toBe('--map');
    const removed = assignRoles(table.header, parseRoleMap(['city=', 'country=']));
    expect(removed.byRole.has('city')).toBe(false);
    typeTable(table, removed);
    expect(removed.byRole.has('country')).toBe(false);
    expect(removed.byRole.has('city')).toBe(false);
  });
});

describe('free-text columns', () => {
  const infer = (header: string, values: string[]) => inferColumn(0, header, undefined, values).type;

  it('types mostly distinct or long multi-word cells as text, never a category', () => {
    const streets = Array.from({ length: 30 }, (_, i) => `${10 + i} Main Street`);
    expect(infer('Billing Street', streets)).toBe('text');
    expect(infer('Where', streets)).toBe('text');
    const descriptions = Array.from({ length: 10 }, (_, i) => `we sell ${i} kinds of shoes online and in shops`);
    expect(infer('About', descriptions)).toBe('text');
  });

  it('types postal codes as text even when they are digits', () => {
    expect(infer('Zip Code', ['94105', '10001', '94105', '60601'])).toBe('text');
    expect(infer('customer_zip_code_prefix', ['01310', '04001', '22071'])).toBe('text');
    expect(infer('Postal Code', ['SW1A 1AA', 'EC1A 1BB', 'W1A 0AX'])).toBe('text');
  });

  it('still types a repeating column as a category', () => {
    expect(
      infer(
        'Industry',
        Array.from({ length: 40 }, (_, i) => ['Retail', 'Banking', 'Software'][i % 3] as string),
      ),
    ).toBe('category');
  });
});

describe('--key none', () => {
  it('makes each row its own record, and joins no deals', async () => {
    const { keyOption } = await import('../../../src/cli/parse-options.js');
    const { joinDealTable } = await import('../../../src/core/profile/deal-join.js');
    const key = keyOption('none');
    expect(key).toEqual({ customer: '', none: true });
    const table = csv('Record ID,Total', (i) => `${i % 2},${i}`, 10);
    const roles = assignRoles(table.header);
    expect(customerKeyColumn(roles, null, key, table)).toBeUndefined();
    expect(customerKeyColumn(roles, null, undefined, table)).toBe(0);
    expect(customerKeyColumn(roles, null, keyOption('Total'), table)).toBe(1);
    expect(() => joinDealTable(table, roles, table, { key })).toThrow(/⟨key⟩ none/);
  });
});
