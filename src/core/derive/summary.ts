import { percentText } from '../percent.js';
import type { Criterion, IcpDocument } from '../icp/schema.js';
import { describeRange, joinOr } from './labels.js';

function valuesOf(c: Criterion): string[] {
  const m = c.match;
  if ('in' in m) return m.in;
  if ('contains_any' in m) return m.contains_any;
  return [];
}

/** The phrase a criterion contributes to the sentence, by the role of its column. */
function phrase(c: Criterion): { slot: 'kind' | 'size' | 'place' | 'uses' | 'other'; text: string } {
  const values = valuesOf(c);
  const role = c.attribute;
  if (role === 'industry' && values.length > 0) return { slot: 'kind', text: joinOr(values) };
  if (role === 'employees' && 'range' in c.match) return { slot: 'size', text: `with ${describeRange(c.match.range)} employees` };
  if (['country', 'region', 'city'].includes(role) && values.length > 0) return { slot: 'place', text: `in ${joinOr(values)}` };
  if ('contains_any' in c.match) return { slot: 'uses', text: `that use ${joinOr(values)}` };
  return { slot: 'other', text: c.label };
}

/**
 * The plain-language verdict: "Your best customers are Software or Finance companies with 50-500 employees
 * in US or UK that use Salesforce: 20% of customers, 61% of won value."
 */
export function summarySentence(doc: IcpDocument): string {
  const { cohort } = doc;
  const unit = cohort.unit ?? 'customers';
  // Outcome mode: the cohort is the records where the outcome holds, not "the best" by a value.
  const outcome = cohort.rule.startsWith(`${unit} where `);
  const who = outcome ? `${unit[0]?.toUpperCase()}${cohort.rule.slice(1)}` : `Your best ${unit}`;
  const share = cohort.total > 0 ? cohort.size / cohort.total : 0;
  const tail = `${percentText(share)} of ${unit}${cohort.share_of_value !== null ? `, ${percentText(cohort.share_of_value)} of ${cohort.measure}` : ''}`;
  if (doc.status !== 'ok') {
    const them = outcome ? `the ${cohort.rule} (${tail})` : `your best ${unit} (${cohort.rule}: ${tail})`;
    return `No attribute sets ${them} apart from the rest; the ICP is inconclusive.`;
  }
  const fits = doc.criteria.filter((c) => c.points > 0).map(phrase);
  const of = (slot: string) => fits.filter((p) => p.slot === slot).map((p) => p.text);
  const kind = of('kind');
  const parts = [`${kind.length > 0 ? `${kind.join(' and ')} companies` : 'companies'}`, ...of('size'), ...of('place'), ...of('uses')];
  const others = of('other');
  let sentence = `${who} are ${parts.join(' ')}`;
  if (others.length > 0) {
    const and = others.length === 1 ? others[0] : `${others.slice(0, -1).join(', ')} and ${others[others.length - 1]}`;
    sentence += `${parts.length > 1 ? ',' : ''} where ${and}`;
  }
  const anti = doc.criteria.filter((c) => c.points < 0).map((c) => c.label);
  sentence += `: ${tail}.`;
  if (anti.length > 0) sentence += ` Less likely among them: ${anti.join('; ')}.`;
  return sentence;
}
