import type { PersonasSection } from '../icp/persona-schema.js';
import { classifyTitle, type TitleMatcher } from './classify-title.js';
import { contactIn } from './find-personas.js';
import type { Seniority } from './title-dictionary.js';

/** The columns `icp score --personas` appends to a contact: its persona as read, and the ICP persona it matches. */
export const SCORE_PERSONA_COLUMNS = ['persona', 'persona_match'];

/**
 * A title's persona columns against the ICP file's personas: `vp, sales` and the name of the first persona
 * it matches (empty: none); the same array for the same title (titles repeat), up to a bound.
 */
export function personaMatcher(section: PersonasSection, m: TitleMatcher, bound = 100_000): (title: string) => readonly string[] {
  const seen = new Map<string, readonly string[]>();
  const personas = section.personas.map((p) => ({ name: p.name, function: p.function, seniority: p.seniority as Seniority[] }));
  return (title) => {
    let out = seen.get(title);
    if (out === undefined) {
      const c = classifyTitle(title, m);
      const hit = personas.find((p) => contactIn(p, c));
      out = [`${c.seniority.join(' and ')}, ${c.function}`, hit?.name ?? ''];
      if (seen.size < bound) seen.set(title, out);
    }
    return out;
  };
}
