import type { Role } from '../columns/roles.js';
import type { DealPersonas } from '../icp/persona-schema.js';
import { agree, plural } from '../plural.js';
import type { Table } from '../table.js';
import type { TitleMatcher } from './classify-title.js';
import { contactsByDeal, type DealContacts, type OutcomeDeal } from './deal-contacts.js';
import { findPersonas, MIN_PERSONA_STABILITY, PERSONA_HALF_SAMPLES } from './find-personas.js';
import { decision, personaOf, top } from './personas-section.js';

export interface DealPersonasInput {
  /** The deals that joined the customers, with their own ids and outcomes. */
  deals: readonly OutcomeDeal[];
  roles: Table;
  contacts: Table;
  matcher: TitleMatcher;
  map: ReadonlyMap<Role, string>;
  alpha: number;
  minLift: number;
  minSupport: number;
  seed: number;
}

/** What the join left out, said once each. */
function joinNotes(j: DealContacts): string[] {
  return [
    ...(j.noDeal > 0 ? [`${plural(j.noDeal, 'contact role')} ${agree(j.noDeal, 'names', 'name')} no deal that joined a customer.`] : []),
    ...(j.noContact > 0 ? [`${plural(j.noContact, 'contact role')} ${agree(j.noContact, 'names', 'name')} no contact of the contacts export.`] : []),
    ...(j.open > 0 ? [`${plural(j.open, 'contact role')} ${agree(j.open, 'is', 'are')} on open deals, left out: only won and lost deals are compared.`] : []),
  ];
}

/** Accounts with both a won and a lost deal: the strata the within-account test learns from. */
function mixedAccounts(j: DealContacts): number {
  const seen = new Map<number, number>();
  for (const u of j.units) seen.set(u.account, (seen.get(u.account) ?? 0) | (u.won ? 1 : 2));
  return [...seen.values()].filter((v) => v === 3).length;
}

/**
 * `personas.deals`: the contacts of each closed deal (contactsByDeal), and the functions and seniorities won
 * deals have far more often than lost ones (findPersonas on deals, within their accounts, half-samples drawing accounts), each with
 * its titles, its usual role on the deal and its sources; where the decision sits on won deals; and the
 * primary contact's function. No persona when none is significant.
 */
export function dealPersonasSection(input: DealPersonasInput): DealPersonas {
  const joined = contactsByDeal(input.deals, input.roles, input.contacts, input.matcher, input.map);
  const units = joined.units.map((u) => u.contacts);
  const won = joined.units.map((u) => u.won);
  const { found, unstable, tested } = findPersonas({
    contacts: units,
    best: won,
    alpha: input.alpha,
    minLift: input.minLift,
    minSupport: input.minSupport,
    seed: input.seed,
    clusters: joined.units.map((u) => u.account),
  });
  const wonN = won.filter(Boolean).length;
  const primaries = joined.units.flatMap((u) => (u.won && u.primary ? [u.primary.function] : []));
  const mixed = mixedAccounts(joined);
  const method = `Every contact on a deal (${input.roles.name}) read as a seniority and a function; per function, seniority and function x seniority, the won deals that have such a contact against the lost ones, compared within their accounts (the Cochran-Mantel-Haenszel test, an account a stratum: the deals of one account are not independent, and its own people are held fixed), Benjamini-Hochberg q < ${input.alpha} over the ${tested} cells tested, lift at least ${input.minLift}, a function's seniorities merged, kept when found again in ${Math.round(100 * MIN_PERSONA_STABILITY)}% of ${PERSONA_HALF_SAMPLES} half-samples of the accounts.`;
  const notes = [
    ...(found.length === 0 ? [`No deal persona: no function or seniority sets won deals apart from lost ones (${tested} cells tested).`] : []),
    ...(unstable.length > 0 ? [`Left out (unstable): ${unstable.join('; ')}.`] : []),
    `${mixed} of ${plural(joined.accounts, 'account')} have both won and lost deals with contacts: only they carry evidence.`,
    ...(mixed < 30 ? [`Only ${mixed} accounts with both won and lost deals: a persona needs a strong difference to show at that size.`] : []),
    ...joinNotes(joined),
  ];
  return {
    contact_roles: { name: input.roles.name, rows: joined.rows, matched: joined.matched, sha256: input.roles.sha256 },
    deals: { won: wonN, lost: won.length - wonN, accounts: joined.accounts },
    method,
    personas: found.map((d) => personaOf(d, units, won)),
    decision: decision(units, won),
    ...(primaries.length > 0 && { primary: top(primaries, 6).map(({ value, share }) => ({ function: value, share })) }),
    ...(notes.length > 0 && { notes }),
  };
}
