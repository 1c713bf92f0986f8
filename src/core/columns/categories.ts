import type { ColumnInfo } from './infer.js';
import type { Role } from './roles.js';

export const ICP_CATEGORIES = ['firmographic', 'technographic', 'behavioral', 'needs', 'value', 'fit'] as const;
export type IcpCategory = (typeof ICP_CATEGORIES)[number];

const ROLE_CATEGORY: Partial<Record<Role, IcpCategory>> = {
  industry: 'firmographic',
  employees: 'firmographic',
  annual_revenue: 'firmographic',
  founded_year: 'firmographic',
  country: 'firmographic',
  region: 'firmographic',
  city: 'firmographic',
  technologies: 'technographic',
  lead_source: 'behavioral',
  lifecycle_stage: 'behavioral',
  last_activity_date: 'behavioral',
  product: 'behavioral',
  needs: 'needs',
  lifetime_value: 'value',
  amount: 'value',
  won: 'fit',
  deal_stage: 'fit',
  converted: 'fit',
  close_date: 'fit',
  lost_reason: 'fit',
};

/** The ICP category a column informs, or undefined for keys, names and contact details. */
export function categoryOf(column: Pick<ColumnInfo, 'role' | 'type'>): IcpCategory | 'other' | undefined {
  if (column.role) return ROLE_CATEGORY[column.role];
  if (['category', 'boolean', 'number', 'money', 'employee_range'].includes(column.type)) return 'other';
  return undefined;
}

/** Questions to ask customers in interviews when an export cannot inform a category. */
export const INTERVIEW_QUESTIONS: Record<IcpCategory, readonly string[]> = {
  firmographic: ['Which industry are you in, and how many people work at your company?', 'Where are you headquartered, and which markets do you sell into?'],
  technographic: ['Which tools do you use today for CRM, marketing and support?', 'What did our product have to integrate with before you could buy it?'],
  behavioral: ['How did you first hear about us, and what made you reach out when you did?', 'Who else did you evaluate, and how did the team decide?'],
  needs: ['What problem were you trying to solve when you started looking?', 'What would happen if you stopped using our product tomorrow?'],
  value: ['How has your spend with us changed since you started, and what drove it?', 'What result would make you buy more from us next year?'],
  fit: ['How long did it take from first contact to signing, and what slowed it down?', 'What nearly stopped you from buying?'],
};

/** Which categories the columns inform (with the headers that do) and which they lack. */
export function categoryCoverage(columns: readonly ColumnInfo[]): {
  informed: Map<IcpCategory, string[]>;
  missing: IcpCategory[];
} {
  const informed = new Map<IcpCategory, string[]>();
  const hasCreated = columns.some((c) => c.role === 'created_date' && c.type === 'date');
  for (const column of columns) {
    if (column.type === 'empty') continue;
    const category = categoryOf(column);
    // A close date alone says nothing about fit; with a create date it gives the sales cycle.
    if (column.role === 'close_date' && !hasCreated) continue;
    if (category && category !== 'other') informed.set(category, [...(informed.get(category) ?? []), column.header]);
  }
  const missing = ICP_CATEGORIES.filter((c) => !informed.has(c));
  return { informed: new Map(ICP_CATEGORIES.filter((c) => informed.has(c)).map((c) => [c, informed.get(c) ?? []])), missing };
}
