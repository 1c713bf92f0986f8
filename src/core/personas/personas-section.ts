import type { Role } from '../columns/roles.js';
import type { Persona, PersonasSection } from '../icp/persona-schema.js';
import type { CustomerRecord } from '../profile/customers.js';
import type { Table } from '../table.js';
import { type AccountContact, contactsByAccount } from './account-contacts.js';
import type { TitleMatcher } from './classify-title.js';
import { contactIn, findPersonas, MIN_PERSONA_STABILITY, PERSONA_HALF_SAMPLES } from './find-personas.js';
import { SENIORITIES, type Seniority } from './title-dictionary.js';

export interface PersonasInput {
  customers: Table;
  /** The customers derive ranked (known measure), and which of them are the best (the cohort). */
  records: readonly CustomerRecord[];
  best: readonly boolean[];
  contacts: Table;
  matcher: TitleMatcher;
  map?: ReadonlyMap<Role, string> | undefined;
  alpha: number;
  minLift: number;
  minSupport: number;
  seed: number;
}

type Contact = AccountContact;

/** The n most common non-empty values, with their shares. */
export const top = (values: readonly string[], n: number): { value: string; share: number }[] => {
  const counts = new Map<string, number>();
  for (const v of values) if (v.trim() !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([value, c]) => ({ value, share: Number((c / total).toFixed(4)) }));
};

/** The most senior contact of each best unit (customer or won deal), as shares of them. */
export function decision(accounts: readonly (readonly Contact[])[], best: readonly boolean[]): PersonasSection['decision'] {
  const order: Seniority[] = [...SENIORITIES, 'individual', 'unknown'];
  const tops = accounts.flatMap((contacts, i) =>
    best[i] ? [order[Math.min(...contacts.flatMap((c) => c.seniority.map((s) => order.indexOf(s))))] as Seniority] : [],
  );
  return top(tops, order.length).map(({ value, share }) => ({ seniority: value, share }));
}

/** A persona as the ICP file holds it: its evidence, and the titles, buying role and sources of its contacts at the best units. */
export function personaOf(d: ReturnType<typeof findPersonas>['found'][number], units: readonly (readonly Contact[])[], best: readonly boolean[]): Persona {
  const atBest = units.flatMap((contacts, i) => (best[i] ? contacts.filter((c) => contactIn(d, c)) : []));
  return {
    name: d.name,
    function: d.function === 'other' ? 'any' : d.function,
    seniority: d.seniority.filter((s): s is Exclude<Seniority, 'unknown'> => s !== 'unknown'),
    evidence: d.evidence,
    titles: top(
      atBest.map((c) => c.title),
      3,
    ).map((t) => t.value),
    buying_role:
      top(
        atBest.map((c) => c.role),
        1,
      )[0]?.value ?? null,
    lead_sources: top(
      atBest.map((c) => c.source),
      3,
    ).map(({ value, share }) => ({ source: value, share })),
  };
}

/** The contacts per account with contacts (contactsByAccount), and those accounts' cohort flags. */
function accountsOf(input: PersonasInput): { accounts: Contact[][]; best: boolean[]; rows: number; matched: number } {
  const { byRecord, matched } = contactsByAccount(input.customers, input.records, input.contacts, input.matcher, input.map);
  const owners = [...byRecord.keys()].sort((a, b) => a - b);
  return {
    accounts: owners.map((o) => byRecord.get(o) as Contact[]),
    best: owners.map((o) => input.best[o] === true),
    rows: input.contacts.rows.length,
    matched,
  };
}

/**
 * The `personas:` section: contacts joined to the customers derive ranked, each title read as a seniority and
 * a function, and the cells the best customers have far more often than the rest (findPersonas), each with
 * its titles, buying role and lead sources; plus where the decision sits. No persona when none is significant.
 */
export function personasSection(input: PersonasInput): PersonasSection {
  const { accounts, best, rows, matched } = accountsOf(input);
  const { found, unstable, tested } = findPersonas({
    contacts: accounts,
    best,
    alpha: input.alpha,
    minLift: input.minLift,
    minSupport: input.minSupport,
    seed: input.seed,
  });
  const personas = found.map((d) => personaOf(d, accounts, best));
  const bestN = best.filter(Boolean).length;
  const method = `Every job title read as a seniority and a function (data/titles.yaml); per function, seniority and function x seniority, the best customers that have such a contact against the rest (accounts with contacts), Fisher's exact test, Benjamini-Hochberg q < ${input.alpha} over the ${tested} cells tested, lift at least ${input.minLift}, a function's seniorities merged, kept when found again in ${Math.round(100 * MIN_PERSONA_STABILITY)}% of ${PERSONA_HALF_SAMPLES} half-samples.`;
  const notes = [
    ...(personas.length === 0 ? [`No persona: no function or seniority sets the best customers apart from the rest (${tested} cells tested).`] : []),
    ...(unstable.length > 0 ? [`Left out (unstable): ${unstable.join('; ')}.`] : []),
    ...(bestN < 30 ? [`Only ${bestN} best customers have contacts: a persona needs a strong difference to show at that size.`] : []),
  ];
  return {
    contacts: { name: input.contacts.name, rows, matched, sha256: input.contacts.sha256 },
    accounts: { best: bestN, rest: best.length - bestN },
    method,
    personas,
    decision: decision(accounts, best),
    ...(notes.length > 0 && { notes }),
  };
}
