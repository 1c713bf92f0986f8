import { beforeAll, describe, expect, it } from 'vitest';
import { compileTitles, type TitleMatcher } from '../../../src/core/personas/classify-title.js';
import { contactRoleColumns, isYes } from '../../../src/core/personas/contact-role-columns.js';
import { contactsByDeal, type OutcomeDeal } from '../../../src/core/personas/deal-contacts.js';
import { readTitleDictionary } from '../../../src/io/titles-file.js';
import { tableFromCsv } from '../../helpers/table-from-csv.js';

let matcher: TitleMatcher;
beforeAll(async () => {
  matcher = compileTitles(await readTitleDictionary());
});

const contacts = tableFromCsv('contacts.csv', 'Id,Title,AccountId\nc1,CFO,a1\nc2,VP Sales,a1\nc3,Engineer,a2\n');
const deals: OutcomeDeal[] = [
  { id: 'd1', outcome: 'won', account: 'a1' },
  { id: 'd2', outcome: 'lost', account: 'a1' },
  { id: 'd3', outcome: 'open', account: 'a2' },
  { id: 'd4', outcome: 'won', account: 'a2' },
];

describe('contactRoleColumns', () => {
  it('finds the Salesforce, HubSpot and Pipedrive headers, --map first, role and primary optional', () => {
    expect(contactRoleColumns(['Id', 'OPPORTUNITYID', 'CONTACTID', 'ROLE', 'ISPRIMARY'], new Map(), 'r.csv')).toEqual({
      deal: 1,
      contact: 2,
      role: 3,
      primary: 4,
    });
    expect(contactRoleColumns(['Deal ID', 'Contact ID'], new Map(), 'r.csv')).toEqual({ deal: 0, contact: 1, role: undefined, primary: undefined });
    expect(
      contactRoleColumns(
        ['x', 'y', 'Role'],
        new Map([
          ['deal_id', 'y'],
          ['contact_id', 'x'],
          ['contact_role', ''],
        ]),
        'r.csv',
      ),
    ).toEqual({
      deal: 1,
      contact: 0,
      role: undefined,
      primary: undefined,
    });
    expect(() => contactRoleColumns(['Deal ID', 'Who'], new Map(), 'r.csv')).toThrow('r.csv has no contact column');
    expect(() => contactRoleColumns(['Deal ID', 'Who'], new Map([['contact_id', 'Whom']]), 'r.csv')).toThrow('no column "Whom" in r.csv');
  });

  it('reads a primary flag as CRMs write it', () => {
    expect(['true', 'TRUE', '1', 'Yes', 'x', ' y '].every(isYes)).toBe(true);
    expect(['false', '0', '', 'no', undefined].some(isYes)).toBe(false);
  });
});

describe('contactsByDeal', () => {
  it('puts each contact once on its deal with its role there, leaves open deals out, and counts every row', () => {
    const roles = tableFromCsv(
      'roles.csv',
      'OpportunityId,ContactId,Role,IsPrimary\nd1,c1,Economic Buyer,false\nd1,c2,Decision Maker,true\nd1,c1,Other,false\nd2,c2,,true\nd3,c3,User,true\nd9,c1,,false\nd4,c7,,false\n',
    );
    const j = contactsByDeal(deals, roles, contacts, matcher, new Map());
    expect({ rows: j.rows, matched: j.matched, noDeal: j.noDeal, open: j.open, noContact: j.noContact, accounts: j.accounts }).toEqual({
      rows: 7,
      matched: 4,
      noDeal: 1,
      open: 1,
      noContact: 1,
      accounts: 1,
    });
    expect(j.rows).toBe(j.matched + j.noDeal + j.open + j.noContact);
    const [d1, d2] = j.units;
    expect(d1?.contacts.map((c) => [c.title, c.function, c.role])).toEqual([
      ['CFO', 'finance', 'Economic Buyer'],
      ['VP Sales', 'sales', 'Decision Maker'],
    ]);
    expect([d1?.won, d1?.primary?.title, d2?.won, d2?.primary?.title]).toEqual([true, 'VP Sales', false, 'VP Sales']);
  });

  it('is an error when no row names a deal, or none a contact', () => {
    const noDeal = tableFromCsv('roles.csv', 'OpportunityId,ContactId\nx1,c1\n');
    expect(() => contactsByDeal(deals, noDeal, contacts, matcher, new Map())).toThrow(
      'no row of roles.csv names a deal of the deals file (column "OpportunityId")',
    );
    const noContact = tableFromCsv('roles.csv', 'OpportunityId,ContactId\nd1,zz\n');
    expect(() => contactsByDeal(deals, noContact, contacts, matcher, new Map())).toThrow('no row of roles.csv names a contact of contacts.csv');
  });
});
