import type { PersonasSection } from '../icp/persona-schema.js';
import { memoize } from '../memoize.js';
import { classifyTitle, type TitleMatcher } from './classify-title.js';
import { contactIn } from './find-personas.js';
import type { Seniority } from './title-dictionary.js';

/** The columns `icp score --personas` appends to a contact: its persona as read, and the ICP persona it matches. */
export const SCORE_PERSONA_COLUMNS = ['persona', 'persona_match'];

/**
 * A title's persona columns against the ICP file's personas: `vp, sales` and the name of the first persona
 * it matches, the account personas before those of won deals (empty: none); the same array for the same
 * title (titles repeat: memoize).
 */
export function personaMatcher(section: PersonasSection, m: TitleMatcher): (title: string) => readonly string[] {
  const personas = [...section.personas, ...(section.deals?.personas ?? [])].map((p) => ({
    name: p.name,
    function: p.function,
    seniority: p.seniority as Seniority[],
  }));
  return memoize((title) => {
    const c = classifyTitle(title, m);
    const hit = personas.find((p) => contactIn(p, c));
    return [`${c.seniority.join(' and ')}, ${c.function}`, hit?.name ?? ''];
  });
}
