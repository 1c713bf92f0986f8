import type { IcpDocument } from '../icp/schema.js';
import { wilsonInterval } from '../stats/wilson.js';
import type { Missing, PersonasPage, ShareBar } from './page-types.js';

const MISSING =
  'No buyer personas in this ICP file: derive it with --contacts <file> (a contacts export with job titles and the company each contact works at) to find who buys at the best customers.';

const bar = (count: number, n: number): ShareBar => ({ count, n, share: n > 0 ? count / n : 0, ci: n > 0 ? wilsonInterval(count, n) : null });

/** "Personas": the ICP file's personas section, each persona's shares with their 95% intervals; or what would fill it. */
export function personasPage(doc: IcpDocument): PersonasPage | Missing {
  const p = doc.personas;
  if (!p) return { missing: MISSING };
  return {
    contacts: p.contacts.name,
    accounts: p.accounts,
    personas: p.personas.map((x) => ({
      name: x.name,
      function: x.function,
      seniority: x.seniority,
      best: bar(x.evidence.best_count, p.accounts.best),
      rest: bar(x.evidence.rest_count, p.accounts.rest),
      lift: x.evidence.lift,
      q_value: x.evidence.q_value,
      stability: x.evidence.stability,
      titles: x.titles,
      buying_role: x.buying_role,
      lead_sources: x.lead_sources,
    })),
    decision: p.decision,
    notes: p.notes ?? [],
  };
}
