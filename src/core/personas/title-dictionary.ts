/** The seniorities a title can carry, from the highest down (see data/titles.yaml). */
export const SENIORITIES = ['owner', 'c-level', 'partner', 'vp', 'head', 'director', 'manager', 'senior', 'entry', 'intern'] as const;
export type RankedSeniority = (typeof SENIORITIES)[number];
/** A title's seniority: a ranked level, `individual` (a function but no level) or `unknown` (nothing readable). */
export type Seniority = RankedSeniority | 'individual' | 'unknown';

export const FUNCTIONS = [
  'sales',
  'marketing',
  'engineering',
  'information technology',
  'finance',
  'operations',
  'human resources',
  'customer success',
  'product',
  'legal',
  'executive',
  'procurement',
  'data',
] as const;
export type PersonaFunction = (typeof FUNCTIONS)[number] | 'other';

/**
 * A title dictionary as read from its YAML file (data/titles.yaml, or a user's --titles file): spellings to
 * expand, phrases to join into one word, and the phrases of each seniority and function, in the file's order.
 */
export interface TitleDictionary {
  abbreviations: Record<string, string>;
  compounds: string[];
  seniority: Partial<Record<RankedSeniority, string[]>>;
  function: Partial<Record<Exclude<PersonaFunction, 'other'>, string[]>>;
}

/**
 * The user's dictionary over the shipped one: its abbreviations and compounds added, and each phrase it lists
 * taken out of the shipped levels and functions and put first under the one it names.
 */
export function mergeDictionaries(base: TitleDictionary, user: TitleDictionary): TitleDictionary {
  const moved = (lists: Record<string, string[] | undefined>) => new Set(Object.values(lists).flatMap((l) => l ?? []));
  const merge = <K extends string>(a: Partial<Record<K, string[]>>, b: Partial<Record<K, string[]>>, order: readonly K[]) => {
    const taken = moved(b);
    const out: Partial<Record<K, string[]>> = {};
    for (const k of order) {
      const list = [...(b[k] ?? []), ...(a[k] ?? []).filter((p) => !taken.has(p))];
      if (list.length > 0) out[k] = list;
    }
    return out;
  };
  const functionOrder = [...new Set([...Object.keys(user.function), ...Object.keys(base.function)])] as Exclude<PersonaFunction, 'other'>[];
  return {
    abbreviations: { ...base.abbreviations, ...user.abbreviations },
    compounds: [...new Set([...user.compounds, ...base.compounds])],
    seniority: merge(base.seniority, user.seniority, SENIORITIES),
    function: merge(base.function, user.function, functionOrder),
  };
}
