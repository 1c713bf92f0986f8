import type { Role } from '../columns/roles.js';
import type { PersonasSection } from '../icp/persona-schema.js';
import { contactsByAccount } from '../personas/account-contacts.js';
import type { TitleMatcher } from '../personas/classify-title.js';
import { contactIn } from '../personas/find-personas.js';
import type { Seniority } from '../personas/title-dictionary.js';
import { mixSeed, seededRandom, shuffleInPlace } from '../random.js';
import { wilsonInterval } from '../stats/wilson.js';
import type { Table } from '../table.js';
import type { AccountSet } from './accounts.js';
import { mapInto } from '../typed-arrays.js';

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

const PERMUTATIONS = 1999;

/**
 * The two-sided p of the win-rate difference between accounts with the persona and without, by permuting
 * which accounts have it (each keeps its deals): deals of one account are not independent, so a test of the
 * deals themselves (Fisher) would overstate the evidence of an account with many. Null without closed deals on both sides.
 */
function permutationP(set: AccountSet, flags: readonly boolean[], seed: number): number | null {
  const won = set.accounts.map((a) => a.stats?.won ?? 0);
  const lost = set.accounts.map((a) => a.stats?.lost ?? 0);
  const diff = (f: ArrayLike<boolean | number>) => {
    const t = [0, 0, 0, 0];
    for (let i = 0; i < won.length; i++) {
      const k = f[i] ? 0 : 2;
      t[k] = (t[k] as number) + (won[i] as number);
      t[k + 1] = (t[k + 1] as number) + (lost[i] as number);
    }
    const [a, b, c, d] = t as [number, number, number, number];
    return a + b === 0 || c + d === 0 ? null : a / (a + b) - c / (c + d);
  };
  const observed = diff(flags);
  if (observed === null) return null;
  const shuffled = mapInto(new Uint8Array(flags.length), flags, (f) => (f ? 1 : 0));
  const next = seededRandom(mixSeed(seed, 4000));
  let extreme = 0;
  for (let k = 0; k < PERMUTATIONS; k++) {
    shuffleInPlace(shuffled, next);
    const d = diff(shuffled);
    if (d !== null && Math.abs(d) >= Math.abs(observed) - 1e-12) extreme++;
  }
  return (1 + extreme) / (1 + PERMUTATIONS);
}

/**
 * Win rate by persona present or absent: the contacts joined to the report's accounts (as derive joins them),
 * and for each persona of the ICP file, the won and lost deals of the accounts with such a contact against
 * those without (a permutation test over the accounts). Accounts without contacts count as absent.
 */
export function byPersona(
  set: AccountSet,
  contacts: Table,
  section: PersonasSection,
  m: TitleMatcher,
  map?: ReadonlyMap<Role, string>,
  seed = 20261202,
): ByPersona {
  const { byRecord } = contactsByAccount(set.customers.table, set.records, contacts, m, map);
  const personas = section.personas.map((p) => {
    const persona = { function: p.function, seniority: p.seniority as Seniority[] };
    const flags = set.accounts.map((_, i) => (byRecord.get(i) ?? []).some((c) => contactIn(persona, c)));
    const [present, absent] = [side(), side()];
    set.accounts.forEach((a, i) => {
      const s = flags[i] ? present : absent;
      s.accounts++;
      s.won += a.stats?.won ?? 0;
      s.lost += a.stats?.lost ?? 0;
    });
    const [yes, no] = [close(present), close(absent)];
    const lift = yes.win_rate !== null && no.win_rate ? yes.win_rate / no.win_rate : null;
    return { name: p.name, present: yes, absent: no, win_rate_lift: lift, p_value: permutationP(set, flags, seed) };
  });
  return { contacts: contacts.name, personas };
}
