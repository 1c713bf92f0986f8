import { assignRoles, type Role } from '../columns/roles.js';
import type { PersonasSection } from '../icp/persona-schema.js';
import { classifyTitle, type TitleMatcher } from '../personas/classify-title.js';
import { joinContacts } from '../personas/contact-join.js';
import { contactIn } from '../personas/find-personas.js';
import type { Seniority } from '../personas/title-dictionary.js';
import { fisherExact } from '../stats/index.js';
import { wilsonInterval } from '../stats/wilson.js';
import type { Table } from '../table.js';
import type { AccountSet } from './accounts.js';

/** Accounts and their closed deals, on one side of a persona (present or absent). */
export interface PersonaSide {
  accounts: number;
  won: number;
  lost: number;
  win_rate: number | null;
  win_rate_ci: [number, number] | null;
}

/** The `by_persona` section: per persona of the ICP file, the win rate of accounts where one works against the others. */
export interface ByPersona {
  contacts: string;
  personas: { name: string; present: PersonaSide; absent: PersonaSide; win_rate_lift: number | null; p_value: number | null }[];
}

function side(): PersonaSide {
  return { accounts: 0, won: 0, lost: 0, win_rate: null, win_rate_ci: null };
}

function close(s: PersonaSide): PersonaSide {
  const n = s.won + s.lost;
  return { ...s, win_rate: n > 0 ? s.won / n : null, win_rate_ci: n > 0 ? wilsonInterval(s.won, n) : null };
}

/**
 * Win rate by persona present or absent: the contacts joined to the report's accounts (as derive joins them),
 * and for each persona of the ICP file, the won and lost deals of the accounts with such a contact against
 * those without (Fisher's exact test of the deals). Accounts without contacts count as absent.
 */
export function byPersona(set: AccountSet, contacts: Table, section: PersonasSection, m: TitleMatcher, map?: ReadonlyMap<Role, string>): ByPersona {
  const customers = set.customers.table;
  const kRoles = assignRoles(contacts.header, map, contacts.name);
  const titleAt = kRoles.byRole.get('job_title');
  const joined = joinContacts(customers, set.customers.roles, set.records, contacts, kRoles);
  const classes = new Map<number, ReturnType<typeof classifyTitle>[]>();
  contacts.rows.forEach((row, i) => {
    const owner = joined.owner[i] as number;
    if (owner >= 0 && titleAt !== undefined) classes.set(owner, [...(classes.get(owner) ?? []), classifyTitle(row[titleAt] ?? '', m)]);
  });
  const personas = section.personas.map((p) => {
    const persona = { function: p.function, seniority: p.seniority as Seniority[] };
    const [present, absent] = [side(), side()];
    set.accounts.forEach((a, i) => {
      const s = (classes.get(i) ?? []).some((c) => contactIn(persona, c)) ? present : absent;
      s.accounts++;
      s.won += a.stats?.won ?? 0;
      s.lost += a.stats?.lost ?? 0;
    });
    const [yes, no] = [close(present), close(absent)];
    const lift = yes.win_rate !== null && no.win_rate ? yes.win_rate / no.win_rate : null;
    const closed = yes.won + yes.lost > 0 && no.won + no.lost > 0;
    return {
      name: p.name,
      present: yes,
      absent: no,
      win_rate_lift: lift,
      p_value: closed ? fisherExact({ a: yes.won, b: yes.lost, c: no.won, d: no.lost }).pValue : null,
    };
  });
  return { contacts: contacts.name, personas };
}
