import type { Persona } from '../icp/persona-schema.js';
import type { IcpDocument } from '../icp/schema.js';
import { wilsonInterval } from '../stats/wilson.js';
import type { DealPersonasPage, Missing, PersonaCard, PersonasPage, ShareBar } from './page-types.js';

const MISSING =
  'No buyer personas in this ICP file: derive it with --contacts <file> (a contacts export with job titles and the company each contact works at) to find who buys at the best customers.';

const bar = (count: number, n: number): ShareBar => ({ count, n, share: n > 0 ? count / n : 0, ci: n > 0 ? wilsonInterval(count, n) : null });

/** A persona's card, its shares out of `best` and `rest` units (accounts, or won and lost deals). */
function card(x: Persona, best: number, rest: number): PersonaCard {
  return {
    name: x.name,
    function: x.function,
    seniority: x.seniority,
    best: bar(x.evidence.best_count, best),
    rest: bar(x.evidence.rest_count, rest),
    lift: x.evidence.lift,
    q_value: x.evidence.q_value,
    stability: x.evidence.stability,
    titles: x.titles,
    buying_role: x.buying_role,
    lead_sources: x.lead_sources,
  };
}

/** The deal part of the section, when the ICP file has one. */
function dealsPage(d: NonNullable<NonNullable<IcpDocument['personas']>['deals']>): DealPersonasPage {
  return {
    contact_roles: d.contact_roles.name,
    deals: d.deals,
    personas: d.personas.map((x) => card(x, d.deals.won, d.deals.lost)),
    decision: d.decision,
    primary: d.primary ?? [],
    notes: d.notes ?? [],
  };
}

/** "Personas": the ICP file's personas section, each persona's shares with their 95% intervals; or what would fill it. */
export function personasPage(doc: IcpDocument): PersonasPage | Missing {
  const p = doc.personas;
  if (!p) return { missing: MISSING };
  return {
    contacts: p.contacts.name,
    accounts: p.accounts,
    personas: p.personas.map((x) => card(x, p.accounts.best, p.accounts.rest)),
    decision: p.decision,
    notes: p.notes ?? [],
    ...(p.deals && { deals: dealsPage(p.deals) }),
  };
}
