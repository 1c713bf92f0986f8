import { type PersonaFunction, type RankedSeniority, type Seniority, SENIORITIES, type TitleDictionary } from './title-dictionary.js';

/** A title read as a persona: its seniority (two for "Co-founder & CEO"), its function, and the rules that fired. */
export interface TitleClass {
  seniority: Seniority[];
  function: PersonaFunction;
  /** e.g. `seniority vp (vice president); function sales (sales)`: which phrase of the dictionary decided. */
  rule: string;
}

interface Phrase {
  text: string;
  words: string[];
}

/** A dictionary made ready to match: phrases as words, compounds by their first word. */
export interface TitleMatcher {
  abbreviations: Map<string, string[]>;
  compounds: string[][];
  seniority: { level: RankedSeniority; phrases: Phrase[] }[];
  functions: { name: Exclude<PersonaFunction, 'other'>; phrases: Phrase[] }[];
}

const words = (text: string): string[] => text.split(' ').filter((w) => w !== '');

export function compileTitles(d: TitleDictionary): TitleMatcher {
  const abbreviations = new Map(Object.entries(d.abbreviations).map(([k, v]) => [k, words(v)]));
  // Longest first, so that "managing director" is joined before anything shorter it contains.
  const compounds = d.compounds.map(words).sort((a, b) => b.length - a.length);
  // A phrase reads as a title does (abbreviations spelled out, compounds joined: "chief of staff" is
  // chiefofstaff), so that it can match.
  const phrase = (text: string): Phrase => ({
    text,
    words: joinCompounds(
      words(text).flatMap((w) => abbreviations.get(w) ?? [w]),
      compounds,
    ),
  });
  return {
    abbreviations,
    compounds,
    seniority: SENIORITIES.flatMap((level) => (d.seniority[level] ? [{ level, phrases: (d.seniority[level] as string[]).map(phrase) }] : [])),
    functions: Object.entries(d.function).map(([name, list]) => ({ name: name as Exclude<PersonaFunction, 'other'>, phrases: (list ?? []).map(phrase) })),
  };
}

/**
 * A title as words: accents folded, lower case, brackets and what follows " | ", " @ " or " at " dropped (a
 * company, pronouns), punctuation as spaces; then abbreviations spelled out and compounds joined.
 */
export function titleWords(title: string, m: TitleMatcher): string[] {
  let s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase();
  s = s.replace(/\([^)]*\)|\[[^\]]*\]|\{[^}]*\}/g, ' ');
  s = s.replace(/\s(\||@|at|chez|bei)\s.*$/, ' ').replace(/\s[|@].*$/, ' ');
  s = s.replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ');
  const joined = joinCompounds(
    words(s).flatMap((w) => m.abbreviations.get(w) ?? [w]),
    m.compounds,
  );
  // "Executive Assistant to the CEO": the title is the assistant's, not the CEO's.
  const to = joined.indexOf('to');
  return to > 0 && joined.slice(0, to).some((w) => ASSISTANTS.has(w)) ? joined.slice(0, to) : joined;
}

const ASSISTANTS = new Set(['assistant', 'executiveassistant', 'secretary', 'assistente', 'asistente', 'sekretarin', 'assistentin']);

/** The words with each compound's run of words joined into one word. */
function joinCompounds(spelled: readonly string[], compounds: readonly string[][]): string[] {
  const out: string[] = [];
  for (let i = 0; i < spelled.length; ) {
    const c = compounds.find((k) => k.every((w, j) => spelled[i + j] === w));
    out.push(c ? c.join('') : (spelled[i] as string));
    i += c ? c.length : 1;
  }
  return out;
}

const wordMatches = (pattern: string, word: string): boolean =>
  pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : pattern.startsWith('*') ? word.endsWith(pattern.slice(1)) : pattern === word;

/** Whether the phrase occurs in the title's words, word for word. */
function occurs(p: Phrase, title: readonly string[]): boolean {
  for (let i = 0; i + p.words.length <= title.length; i++) if (p.words.every((w, j) => wordMatches(w, title[i + j] as string))) return true;
  return false;
}

function seniorityOf(title: readonly string[], m: TitleMatcher): { levels: RankedSeniority[]; phrases: string[] } {
  const found = m.seniority.flatMap(({ level, phrases }) => {
    const hit = phrases.find((p) => occurs(p, title));
    return hit ? [{ level, text: hit.text }] : [];
  });
  const [top] = found;
  if (!top) return { levels: [], phrases: [] };
  const cLevel = found.find((f) => f.level === 'c-level');
  const both = top.level === 'owner' && cLevel ? [top, cLevel] : [top];
  return { levels: both.map((f) => f.level), phrases: both.map((f) => f.text) };
}

function functionOf(title: readonly string[], m: TitleMatcher): { name: PersonaFunction; text: string } | undefined {
  let best: { name: PersonaFunction; text: string; length: number } | undefined;
  for (const { name, phrases } of m.functions) {
    for (const p of phrases) if (occurs(p, title) && (!best || p.words.length > best.length)) best = { name, text: p.text, length: p.words.length };
  }
  return best;
}

/** Reads a title as a persona: seniority and function, each with the phrase of the dictionary that decided it. */
export function classifyTitle(title: string, m: TitleMatcher): TitleClass {
  const t = titleWords(title, m);
  if (t.length === 0)
    return { seniority: ['unknown'], function: 'other', rule: title.trim() === '' ? 'empty title' : 'unreadable title (no word in Latin letters)' };
  const s = seniorityOf(t, m);
  const f = functionOf(t, m);
  const levels: Seniority[] = s.levels.length > 0 ? s.levels : f ? ['individual'] : ['unknown'];
  const seniorityRule = s.levels.length > 0 ? `seniority ${s.levels.join(' and ')} (${s.phrases.join(', ')})` : `seniority ${levels[0]} (no level word)`;
  const functionRule = f ? `function ${f.name} (${f.text})` : 'function other (no function word)';
  return { seniority: levels, function: f?.name ?? 'other', rule: `${seniorityRule}; ${functionRule}` };
}
