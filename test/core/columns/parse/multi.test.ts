import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { detectMultiSeparator, splitMulti, type MultiSeparator } from '../../../../src/core/columns/parse/multi.js';

describe('splitMulti', () => {
  it.each<[string, MultiSeparator, string[]]>([
    ['Salesforce;HubSpot;Slack', ';', ['Salesforce', 'HubSpot', 'Slack']],
    [' Salesforce ; HubSpot ;; ', ';', ['Salesforce', 'HubSpot']],
    ['Slack;Slack;Zoom;Slack', ';', ['Slack', 'Zoom']],
    ['AWS|GCP', '|', ['AWS', 'GCP']],
    ['AWS, Salesforce, Slack', ', ', ['AWS', 'Salesforce', 'Slack']],
    ['AWS,Salesforce', ', ', ['AWS', 'Salesforce']],
    ['Slack', ';', ['Slack']],
    ['', ';', []],
    [' ; ', ';', []],
    ['a|b', ';', ['a|b']],
  ])('splits %j on %j', (raw, separator, expected) => {
    expect(splitMulti(raw, separator)).toEqual(expected);
  });

  it('keeps case apart: "Slack" and "slack" are different tokens', () => {
    expect(splitMulti('Slack;slack', ';')).toEqual(['Slack', 'slack']);
  });

  it('gives back the tokens it was given, joined by any separator', () => {
    const token = fc
      .string({ minLength: 1, maxLength: 20 })
      .map((s) => s.replace(/[;|,]/g, '').trim())
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(fc.uniqueArray(token, { minLength: 1, maxLength: 8 }), fc.constantFrom<MultiSeparator>(';', '|', ', '), (tokens, separator) => {
        expect(splitMulti(tokens.join(separator), separator)).toEqual(tokens);
      }),
    );
  });
});

const stacks = ['Salesforce', 'HubSpot', 'Slack', 'AWS', 'Zoom', 'Marketo', 'Zendesk', 'Google Workspace'];
// A deterministic tech-stack column: 1 to 3 tools per company, in varying order.
function techColumn(separator: string, rows = 40): string[] {
  return Array.from({ length: rows }, (_, i) => {
    const count = 1 + (i % 3);
    return Array.from({ length: count }, (_, j) => stacks[(i * 3 + j * 5) % stacks.length]).join(separator);
  });
}

describe('detectMultiSeparator', () => {
  it('finds HubSpot ";" lists, "|" lists and ", " lists of tools', () => {
    expect(detectMultiSeparator(techColumn(';'))).toBe(';');
    expect(detectMultiSeparator(techColumn('|'))).toBe('|');
    expect(detectMultiSeparator(techColumn(', '))).toBe(', ');
  });

  it('finds lists in a small column', () => {
    expect(detectMultiSeparator(['Salesforce;HubSpot;Slack', 'AWS;Salesforce', 'Slack'])).toBe(';');
    expect(detectMultiSeparator(['AWS, Salesforce, Slack', 'Salesforce, HubSpot', 'Slack, Zoom', 'Slack'])).toBe(', ');
  });

  it('prefers ";" when cells hold both ";" and ", "', () => {
    expect(detectMultiSeparator(['Sales, EMEA;Marketing', 'Marketing;Sales, EMEA', 'Support'])).toBe(';');
  });

  it('leaves company names with legal forms whole', () => {
    const names = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? `Company ${i}, Inc.` : `Company ${i}`));
    expect(detectMultiSeparator(names)).toBeNull();
    expect(detectMultiSeparator(['Acme, Inc.', 'Globex, Inc.', 'Initech, LLC', 'Acme'])).toBeNull();
  });

  it('leaves places and people whole', () => {
    expect(detectMultiSeparator(['Austin, TX', 'Dallas, TX', 'Houston, TX', 'Denver, CO', 'Boulder, CO'])).toBeNull();
    expect(detectMultiSeparator(['Smith, John', 'Doe, Jane', 'Brown, Anna'])).toBeNull();
  });

  it('leaves sentences whole', () => {
    expect(
      detectMultiSeparator([
        'We use Salesforce, HubSpot and more.',
        'Mostly spreadsheets, some email.',
        'They asked for a demo, then went quiet.',
        'Budget approved, signing next week.',
      ]),
    ).toBeNull();
    expect(
      detectMultiSeparator([
        'Called; left a message about the renewal terms and pricing for next year',
        'Emailed; no reply yet from the procurement team after two follow-ups',
      ]),
    ).toBeNull();
  });

  it('finds nothing in single-valued columns', () => {
    expect(detectMultiSeparator(['Retail', 'Healthcare', 'Retail', 'Finance'])).toBeNull();
    expect(detectMultiSeparator(['1,234', '5,678', '12'])).toBeNull();
    expect(detectMultiSeparator([])).toBeNull();
    expect(detectMultiSeparator(['', 'N/A'])).toBeNull();
  });

  it('needs more than one list-like cell', () => {
    expect(detectMultiSeparator(['Salesforce;HubSpot', 'Slack', 'Zoom'])).toBeNull();
  });
});

const datasets = fileURLToPath(new URL('../../../../../shared/datasets/', import.meta.url));

describe.skipIf(!existsSync(datasets))('lists in the shared public exports', () => {
  it('splits Olist behaviour profiles such as "cat, wolf" though only 2% of cells are lists', () => {
    const csv = readFileSync(`${datasets}olist-funnel/olist_closed_deals_dataset.csv`, 'utf8');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    const values = rows.map((row) => row.lead_behaviour_profile ?? '');
    expect(detectMultiSeparator(values)).toBe(', ');
    expect(detectMultiSeparator(rows.map((row) => row.business_segment ?? ''))).toBeNull();
  });
});
