import type { IcpDocument } from '../core/icp/schema.js';
import { thresholds } from '../core/icp/tiers.js';

/** The comments written into icp.yaml: the guide at the top and one per section. */

// The guide at the top of every written file; a person opening icp.yaml should not need the docs.
export const ICP_FILE_HEADER = [
  'Ideal Customer Profile (icp.yaml, version 1), written by icp.',
  '',
  'status    ok: derived from your CRM data; every criterion carries its evidence.',
  '          inconclusive: nothing told the best customers apart from the rest, so there are no criteria.',
  '          manual: written or edited by hand.',
  "points    A row earns a criterion's points when its value matches. Positive points add up to 100.",
  '          Negative points mark anti-fit; a match on a criterion with "disqualify: true" puts the row',
  '          in tier "disqualified" whatever else it scores.',
  'unknown   A missing value (empty cell, N/A, -) is unknown, not a mismatch: it earns no points',
  '          and is listed as unknown.',
  'tiers     The total points pick the tier: A, B and C are the lowest totals that reach each; below the',
  '          lowest is D. B and C may be left out (A alone, or A and B) when the scores allow fewer tiers.',
  'editing   Change labels, values, points or tiers, set status: manual, then run',
  '          "icp validate <this file>" to check every rule (it reports problems with their line).',
]
  .map((line) => (line === '' ? '#' : `# ${line}`))
  .join('\n');

const MATCH_GUIDE = [
  ' Each criterion reads one column of a CSV row (column = the header as it appears in the export).',
  ' match is one of: in: [values] (the cell is one of them); range: {min, max} (a number, both bounds',
  ' included, either may be left out); contains_any: [tokens] (a multi-valued cell such as "a;b" holds',
  ' one of them); equals: true or false (a yes/no column).',
];

const EVIDENCE_GUIDE = [
  ' evidence compares the cohort with the rest: how many had the value (count, share), lift =',
  ' cohort_share / rest_share (null when no other row had it), q_value after the Benjamini-Hochberg',
  ' correction across every hypothesis tested (for a set, the largest q of its values). p_kind says what',
  " p_value is: exact (Fisher's test of one value as tested), bonferroni (the best interval times the intervals tried),",
  " permutation (the value picking re-run on permuted labels), or nominal (Fisher's test of a set on the",
  ' data that chose it: read q_value instead). stability = share of 50 half-samples (25 complementary pairs) that chose it again.',
];

/** What the thresholds mean, naming only the tiers the file has. */
function tiersComment(tiers: IcpDocument['tiers']): string {
  const present = thresholds(tiers).map(([tier]) => tier);
  const steps = present.map((t) => (t === 'A' ? 'A at or above A points' : `${t} at or above ${t}`));
  const missing = ['B', 'C'].filter((t) => !(present as string[]).includes(t));
  const note = missing.length === 0 ? '' : ` (this file has no ${missing.join(' or ')})`;
  return ` A row is tier ${steps.join(', ')}, and D below ${present.at(-1) as string}${note}.`;
}

export function sectionComment(key: string, doc: IcpDocument): string | undefined {
  switch (key) {
    case 'source':
      return ' The input files this profile was derived from (sha256 tells a changed file apart; keys, a signature of the customer keys, tells a report that its rows built the ICP).';
    case 'cohort':
      return ' The best customers (or leads, or records: unit) the profile describes: how they were chosen, and their share of the value.';
    case 'criteria': {
      const withEvidence = doc.criteria.some((c) => c.evidence !== undefined);
      return [...MATCH_GUIDE, ...(withEvidence ? EVIDENCE_GUIDE : [])].join('\n');
    }
    case 'validation':
      return ' The out-of-sample check: derive re-ran in folds and scored the customers each fold did not see.';
    case 'personas':
      return [
        ' Buyer personas: who works at the best customers far more often than at the rest, from a contacts export.',
        ' Each is a function and a set of seniorities read from job titles (data/titles.yaml); its evidence counts accounts',
        ' that have contacts (best_count of accounts.best have one), Fisher exact per cell, Benjamini-Hochberg q over every',
        ' cell tested, kept when chosen again in at least 60% of half-samples. decision: the most senior contact per best customer.',
        ' deals (with --contact-roles): the same search on the contacts of each deal, won deals against lost ones (counts are deals).',
      ].join('\n');
    case 'tiers': {
      // derive records how it chose the thresholds as a note; repeat it where a reader looks for it.
      const rule = doc.notes?.find((n) => n.startsWith('Tiers: '));
      const base = tiersComment(doc.tiers);
      return rule ? `${base}\n How they were chosen: ${rule.slice('Tiers: '.length)}` : base;
    }
    default:
      return undefined;
  }
}
