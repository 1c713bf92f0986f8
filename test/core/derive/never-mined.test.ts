import { describe, expect, it } from 'vitest';
import { assignRoles, guessRole } from '../../../src/core/columns/roles.js';
import { typeTable } from '../../../src/core/columns/type-table.js';
import { attributeColumns } from '../../../src/core/derive/attributes.js';
import { isOwnTeamHeader, isStageDerivedHeader, STAGE_REASON, TEAM_REASON } from '../../../src/core/derive/never-mined.js';
import type { Table } from '../../../src/core/table.js';

const STAGE_HEADERS = [
  // Salesforce API names and report labels
  'Probability',
  'PROBABILITY',
  'Probability (%)',
  'ExpectedRevenue',
  'EXPECTEDREVENUE',
  'Expected Revenue',
  'IsClosed',
  'IsWon',
  'ForecastCategory',
  'Forecast Category',
  'StageName',
  'Stage',
  'LastStageChangeDate',
  'Last Stage Change Date',
  'Lost reason',
  'Closed lost reason',
  'Opportunity Probability',
  // HubSpot
  'Deal probability',
  'Forecast category',
  'Is closed won',
  'Closed won reason',
  'Closed Lost Reason',
  'Days to close',
  'Date entered "Closed Won (Sales Pipeline)"',
  'Date entered "Closed Won" (Sales Pipeline)',
  'Date exited "Appointment Scheduled (Sales Pipeline)"',
  'hs_date_entered_closedwon',
  // Pipedrive
  'Won time',
  'Lost time',
  'Deal - Won time',
  'Deal - Lost time',
  'Deal - Lost reason',
  'Deal - Probability',
];
const TEAM_HEADERS = [
  'Company owner',
  'Deal owner',
  'Contact owner',
  'HubSpot team',
  'OwnerId',
  'OWNERID',
  'Owner Name',
  'CreatedById',
  'LastModifiedById',
  'Created by',
  'Last modified by',
  'Owner',
  'Deal - Owner',
  'seller_id',
  'sdr_id',
  'sr_id',
  'sales_agent',
  'Sales Agent',
  'Sales Rep',
  'Account Manager',
  'Assigned To',
  'Sales Team',
  'Territory owner',
  'Salesperson',
];
const CUSTOMER_HEADERS = [
  'Industry',
  'Team Size',
  'Number of Employees',
  'Lifecycle Stage',
  'Lead Status',
  'Country/Region',
  'Annual Revenue',
  'Report Frequency',
  'Total Time Spent on Website',
  'Web Technologies',
  'Founded Year',
  'business_segment',
  'Date of first order',
];

describe('columns never mined, by their header', () => {
  it('recognises the stage-derived CRM fields (case, space and punctuation aside)', () => {
    for (const h of STAGE_HEADERS) expect(isStageDerivedHeader(h) || guessRole(h)?.role === 'deal_stage' || guessRole(h)?.role === 'lost_reason', h).toBe(true);
    for (const h of CUSTOMER_HEADERS) expect(isStageDerivedHeader(h), h).toBe(false);
  });

  it('recognises our own team: owners, agents, sellers, reps, creators', () => {
    for (const h of TEAM_HEADERS) expect(isOwnTeamHeader(h), h).toBe(true);
    for (const h of CUSTOMER_HEADERS) expect(isOwnTeamHeader(h), h).toBe(false);
  });

  it('gives the known fields a role: stage_derived, team, owner', () => {
    expect(guessRole('ExpectedRevenue')?.role).toBe('stage_derived');
    expect(guessRole('Forecast Category')?.role).toBe('stage_derived');
    expect(guessRole('Won time')?.role).toBe('stage_derived');
    expect(guessRole('HubSpot team')?.role).toBe('team');
    expect(guessRole('CreatedById')?.role).toBe('team');
    expect(guessRole('seller_id')?.role).toBe('team');
    expect(guessRole('Deal owner')?.role).toBe('owner');
    expect(guessRole('sales_agent')?.role).toBe('owner');
  });
});

describe('attributeColumns skips them with their reason', () => {
  const header = [
    'Opportunity ID',
    'Industry',
    'PROBABILITY',
    'EXPECTEDREVENUE',
    'FORECASTCATEGORY',
    'Date entered "Closed Won" (Sales Pipeline)',
    'Company owner',
    'HubSpot team',
    'CreatedById',
    'sdr_id',
    'Team Size',
    'Amount',
  ];
  const rows = Array.from({ length: 60 }, (_, i) => [
    `006${String(i).padStart(5, '0')}`,
    ['Retail', 'Software', 'Banking'][i % 3] as string,
    String([10, 50, 100][i % 3]),
    String(1000 * (i % 7)),
    ['Pipeline', 'Closed', 'Omitted'][i % 3] as string,
    `2026-0${1 + (i % 9)}-1${i % 10}`,
    ['Ann', 'Bob', 'Cy'][i % 3] as string,
    ['East', 'West'][i % 2] as string,
    `005${i % 4}`,
    `sdr${i % 5}`,
    String(5 + (i % 40)),
    String(100 * i),
  ]);
  const table: Table = { name: 'opps.csv', header, rows, lines: rows.map((_, i) => i + 2), sha256: '' };
  const columns = typeTable(table, assignRoles(header));
  const { included, skipped } = attributeColumns(columns, 'opps.csv', { valueColumns: [] });
  const why = (h: string) => skipped.find((s) => s.header === h)?.why;

  it('stage-derived fields: "set by the deal stage (leakage)"', () => {
    for (const h of ['PROBABILITY', 'EXPECTEDREVENUE', 'FORECASTCATEGORY', 'Date entered "Closed Won" (Sales Pipeline)']) expect(why(h), h).toBe(STAGE_REASON);
    expect(STAGE_REASON).toBe('set by the deal stage (leakage)');
  });

  it('our own team: "not a customer attribute (our own team)", each of several such columns', () => {
    for (const h of ['Company owner', 'HubSpot team', 'CreatedById', 'sdr_id']) expect(why(h), h).toBe(TEAM_REASON);
    expect(TEAM_REASON).toBe('not a customer attribute (our own team)');
  });

  it('still mines the customer attributes', () => {
    expect(included.map((i) => header[i])).toEqual(['Industry', 'Team Size']);
  });
});
