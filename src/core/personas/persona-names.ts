import type { PersonaFunction, Seniority } from './title-dictionary.js';

const FUNCTION_TITLE: Record<Exclude<PersonaFunction, 'other'>, string> = {
  sales: 'Sales',
  marketing: 'Marketing',
  engineering: 'Engineering',
  'information technology': 'IT',
  finance: 'Finance',
  operations: 'Operations',
  'human resources': 'HR',
  'customer success': 'Customer success',
  product: 'Product',
  legal: 'Legal',
  executive: 'Executive',
  procurement: 'Procurement',
  data: 'Data',
};

const LEVEL: Record<Seniority, string> = {
  owner: 'owner',
  'c-level': 'C-level',
  partner: 'partner',
  vp: 'VP',
  head: 'head',
  director: 'director',
  manager: 'manager',
  senior: 'senior',
  entry: 'junior',
  intern: 'intern',
  individual: 'individual contributor',
  unknown: 'unknown',
};

const LEADERS = new Set<Seniority>(['owner', 'c-level', 'partner', 'vp', 'head', 'director']);

const or = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`);

/** A persona's name from its cell: "Sales leadership: VP or director of sales", "Operations: anyone in operations". */
export function personaName(fn: PersonaFunction | 'any', seniority: readonly Seniority[]): string {
  const levels = or(seniority.map((s) => LEVEL[s]));
  if (fn === 'any' || fn === 'other') return `${levels[0]?.toUpperCase()}${levels.slice(1)}: any function`;
  const title = FUNCTION_TITLE[fn];
  const word = fn === 'information technology' ? 'IT' : fn;
  if (seniority.length === 0) return `${title}: anyone in ${word}`;
  const group = seniority.every((s) => LEADERS.has(s)) ? 'leadership' : seniority.every((s) => s === 'manager') ? 'management' : 'team';
  // Three levels or more read as a span, highest to lowest: "head to individual contributor".
  if (seniority.length >= 3)
    return `${title} ${group}: ${LEVEL[seniority[0] as Seniority]} to ${LEVEL[seniority[seniority.length - 1] as Seniority]} in ${word}`;
  return `${title} ${group}: ${levels} of ${word}`;
}
