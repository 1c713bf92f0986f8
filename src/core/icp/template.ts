import type { Criterion, IcpDocument } from './schema.js';
import { DEFAULT_TIERS } from './tiers.js';

// Headers as HubSpot names them in a companies export, so that the template scores such an export
// as soon as the example values are replaced.
const exampleCriteria: Criterion[] = [
  {
    column: 'Industry',
    attribute: 'industry',
    category: 'firmographic',
    label: 'Industry is Computer Software or Financial Services',
    match: { in: ['Computer Software', 'Financial Services'] },
    points: 25,
  },
  {
    column: 'Number of Employees',
    attribute: 'employees',
    category: 'firmographic',
    label: 'Number of Employees is 51 to 1000',
    match: { range: { min: 51, max: 1000 } },
    points: 10,
  },
  {
    column: 'Annual Revenue',
    attribute: 'annual_revenue',
    category: 'firmographic',
    label: 'Annual Revenue is at least 10000000',
    match: { range: { min: 10_000_000 } },
    points: 5,
  },
  {
    column: 'Web Technologies',
    attribute: 'technologies',
    category: 'technographic',
    label: 'Web Technologies include Salesforce or HubSpot',
    match: { contains_any: ['Salesforce', 'HubSpot'] },
    points: 15,
  },
  {
    column: 'Original Source',
    attribute: 'lead_source',
    category: 'behavioral',
    label: 'Original Source is Organic Search or Referrals',
    match: { in: ['Organic Search', 'Referrals'] },
    points: 10,
  },
  {
    column: 'Use Case',
    attribute: 'use_case',
    category: 'needs',
    label: 'Use Case is Pipeline Forecasting',
    match: { in: ['Pipeline Forecasting'] },
    points: 15,
  },
  {
    // The company's own revenue is firmographic; value is what the account is worth to us, such as the
    // budget a lead states (or expected deal size).
    column: 'Budget',
    attribute: 'budget',
    category: 'value',
    label: 'Budget is at least 50000',
    match: { range: { min: 50_000 } },
    points: 10,
  },
  {
    column: 'Country/Region',
    attribute: 'country',
    category: 'fit',
    label: 'Country/Region is United States, Canada or United Kingdom',
    match: { in: ['United States', 'Canada', 'United Kingdom'] },
    points: 10,
  },
  {
    column: 'Type',
    attribute: 'company_type',
    category: 'fit',
    label: 'Type is Competitor (anti-fit)',
    match: { in: ['Competitor'] },
    points: -25,
    disqualify: true,
  },
];

/** The document `icp init` writes: status manual, one example criterion per category, valid as is. */
export function icpTemplate(generatedAt: Date): IcpDocument {
  return {
    version: 1,
    name: 'Ideal Customer Profile',
    status: 'manual',
    generated_at: generatedAt.toISOString(),
    source: [],
    cohort: {
      measure: 'judgement',
      rule: 'written by hand: describe here who your best customers are, e.g. top 20% by won value',
      size: 0,
      total: 0,
      share_of_value: null,
    },
    criteria: exampleCriteria.map((criterion) => structuredClone(criterion)),
    tiers: { ...DEFAULT_TIERS },
    notes: [
      'Written by "icp init": every criterion is an example. Replace the columns and values with your own,' +
        ' or run "icp derive" on your CRM export to find them from data.',
    ],
  };
}
