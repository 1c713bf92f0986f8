import { COUNTRIES, INDUSTRIES, SOURCES, TECHNOLOGIES } from '../fixtures/generator/catalog.js';
import type { Random } from '../fixtures/generator/random.js';

const FIRST = ['Maria', 'Søren', 'James', 'Aiko', 'Priya', 'Lukas', 'Chloé', 'Mateo', 'Olivia', 'Noah', 'Fatima', 'Wei', 'Emma', 'Ravi', 'Zoë', 'Liam'];
const LAST = ['Murphy', 'Lee', 'Schmidt', 'Tanaka', 'Patel', 'Müller', 'Dubois', 'García', "O'Brien", 'Nguyen', 'Kowalski', 'Chen', 'Rossi', 'Singh'];
const WORDS = [
  'Summit',
  'Northwind',
  'Vandelay',
  'Tidewater',
  'Zenith',
  'Crème',
  'Apex',
  'Blue River',
  'Ironclad',
  'Lumen',
  'Harbor',
  'Granite',
  'Silverline',
  'Copper Hill',
  'Evergreen',
  'Orbit',
];
const KINDS = ['Group', 'Holdings', 'Logistics', 'Capital', 'Labs', 'Systems', 'Health', 'Partners', 'Software', 'Retail'];
const NOTES = [
  'Using a competitor; contract ends in Q2',
  'Webinar attendee',
  'Asked for a demo after the "ROI calculator" download',
  'Met at SaaStr, follow up in March',
  'Budget approved, waiting on legal',
  'Not a fit right now, "maybe next year" they said',
  'Champion left the company',
  'Requested pricing for 50 seats, EU data residency required',
];

export interface Company {
  name: string;
  domain: string;
  industry: string;
  employees: number;
  country: string;
  city: string;
  technologies: string;
  source: string;
  revenue: number;
}

/** A made-up company drawn from the fixture catalogs; names carry legal suffixes such as `, Inc.`. */
export function company(r: Random, id: number): Company {
  const country = r.weighted(COUNTRIES.map((c) => [c, c.weight] as const));
  const base = `${r.pick(WORDS)} ${r.pick(KINDS)}`;
  const employees = Math.max(1, Math.round(Math.exp(r.normal() * 1.6 + 4.6)));
  const technologies = TECHNOLOGIES.filter(([, p]) => r.chance(p)).map(([t]) => t);
  return {
    name: `${base}${r.pick(country.suffixes)}`,
    domain: `${base.toLowerCase().replace(/[^a-z]/g, '')}${id}.com`,
    industry: r.weighted(INDUSTRIES),
    employees,
    country: country.name,
    city: r.pick(country.places).city,
    technologies: technologies.join(';'),
    source: r.weighted(SOURCES),
    revenue: Math.round((employees * (60_000 + r.next() * 140_000)) / 1000) * 1000,
  };
}

export function person(r: Random): { first: string; last: string } {
  return { first: r.pick(FIRST), last: r.pick(LAST) };
}

/** Free text as CRM users type it: sometimes quotes, sometimes several lines. */
export function note(r: Random): string {
  const parts = [r.pick(NOTES)];
  while (r.chance(0.2)) parts.push(r.pick(NOTES));
  return parts.join(r.chance(0.3) ? '\n' : '. ');
}

/** `$1,234,567`, as HubSpot and Salesforce exports write money. */
export function dollars(amount: number): string {
  return `$${String(Math.round(amount)).replace(/\B(?=(\d{3})+$)/g, ',')}`;
}

/** `2024-10-01 11:35`, HubSpot's export format. */
export function timestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
