import { describe, expect, it } from 'vitest';
import { parseRoleMap } from '../../../src/cli/parse-options.js';
import { assignRoles, guessRole, normalizeHeader } from '../../../src/core/columns/roles.js';
import { UsageError } from '../../../src/errors.js';

const role = (header: string) => guessRole(header)?.role;

describe('normalizeHeader', () => {
  it('ignores case, spaces, punctuation and accents', () => {
    expect(normalizeHeader('Country/Region')).toBe('countryregion');
    expect(normalizeHeader('  number_of-Employees ')).toBe('numberofemployees');
    expect(normalizeHeader('Société')).toBe('societe');
  });
});

describe('guessRole', () => {
  it.each([
    // HubSpot companies and deals
    ['Record ID', 'id'],
    ['Company name', 'name'],
    ['Company Domain Name', 'domain'],
    ['Number of Employees', 'employees'],
    ['Annual Revenue', 'annual_revenue'],
    ['Total Revenue', 'lifetime_value'],
    ['Country/Region', 'country'],
    ['State/Region', 'region'],
    ['Web Technologies', 'technologies'],
    ['Original Source', 'lead_source'],
    ['Deal Stage', 'deal_stage'],
    ['Associated Company IDs', 'account_id'],
    ['Associated Company', 'account_name'],
    ['Create Date', 'created_date'],
    // Salesforce API names and report labels
    ['NUMBEROFEMPLOYEES', 'employees'],
    ['NumberOfEmployees', 'employees'],
    ['ANNUALREVENUE', 'annual_revenue'],
    ['BILLINGCOUNTRY', 'country'],
    ['STAGENAME', 'deal_stage'],
    ['AMOUNT', 'amount'],
    ['CLOSEDATE', 'close_date'],
    ['ISWON', 'won'],
    ['CREATEDDATE', 'created_date'],
    ['ACCOUNTID', 'account_id'],
    ['Account Name', 'account_name'],
    ['Billing Country', 'country'],
    ['Stage', 'deal_stage'],
    ['Won', 'won'],
    // Pipedrive
    ['Organization - Number of employees', 'employees'],
    ['Organization - Name*', 'name'],
    ['Deal - Value', 'amount'],
    ['Person - Email (Work)', 'email'],
    // Zoho
    ['No. of Employees', 'employees'],
    ['Closing Date', 'close_date'],
    ['Created Time', 'created_date'],
    // plain snake_case and the bundled datasets
    ['account_id', 'account_id'],
    ['deal_value', 'amount'],
    ['engage_date', 'created_date'],
    ['won_date', 'close_date'],
    ['business_segment', 'industry'],
    ['origin', 'lead_source'],
    ['mql_id', 'id'],
    ['lifetime_value', 'lifetime_value'],
    ['MRR', 'lifetime_value'],
    ['converted', 'converted'],
    ['sales_agent', 'owner'],
  ])('%s -> %s', (header, expected) => {
    expect(role(header)).toBe(expected);
  });

  it('leaves unknown headers and person names without a role', () => {
    expect(role('Favourite colour')).toBeUndefined();
    expect(role('Person - Name*')).toBeUndefined();
  });

  it("keeps the company's own revenue apart from what it paid us", () => {
    expect(role('Annual Revenue')).not.toBe(role('Total Revenue'));
  });
});

describe('assignRoles', () => {
  it('gives each role to one column, best alias first, leftmost on ties', () => {
    const a = assignRoles(['Record ID', 'Deal Name', 'Associated Company IDs', 'Associated Company', 'Amount']);
    expect(a.byRole.get('id')).toBe(0);
    expect(a.byRole.get('account_id')).toBe(2);
    expect(a.byRole.get('account_name')).toBe(3);
    expect(a.byRole.get('amount')).toBe(4);
  });

  it('lets --map override a guess and free the column from its old role', () => {
    const overrides = parseRoleMap(['industry=Segment', 'lifetime_value=Spend 2025']);
    const a = assignRoles(['Segment', 'Spend 2025', 'Industry'], overrides);
    expect(a.byRole.get('industry')).toBe(0);
    expect(a.byRole.get('lifetime_value')).toBe(1);
    expect(a.byColumn.get(2)).toBeUndefined();
    expect(a.mapped.has('industry')).toBe(true);
  });

  it('treats __proto__ and constructor as ordinary headers', () => {
    const a = assignRoles(['__proto__', 'constructor', 'Industry']);
    expect(a.byRole.get('industry')).toBe(2);
    expect(a.byColumn.size).toBe(1);
  });

  it('rejects a --map to a missing header or an unknown role as usage errors', () => {
    expect(() => assignRoles(['A'], parseRoleMap(['industry=B']))).toThrow(UsageError);
    expect(() => parseRoleMap(['colour=A'])).toThrow(/unknown role/);
    expect(() => parseRoleMap(['industry'])).toThrow(/role=Header/);
  });
});
