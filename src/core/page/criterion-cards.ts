import { ICP_CATEGORIES } from '../columns/categories.js';
import type { Criterion, CriterionCategory, IcpDocument } from '../icp/schema.js';
import { wilsonInterval } from '../stats/wilson.js';
import type { CriterionCard, ShareBar, WhoSection } from './page-types.js';

const TITLES: Record<CriterionCategory, string> = {
  firmographic: 'Company',
  technographic: 'Technology',
  behavioral: 'Buying behaviour',
  needs: 'Needs',
  value: 'Value',
  fit: 'Fit',
  other: 'Other traits',
};

/**
 * A group's share with the value: the count and share are the ICP file's; n is count / share (the group's
 * customers whose value is known), or the group's size when no one had it (the share then says 0 of them).
 */
function shareBar(count: number, share: number, size: number): ShareBar {
  const n = share > 0 ? Math.round(count / share) : size;
  return { count, n, share, ci: n > 0 && count <= n ? wilsonInterval(count, n) : null };
}

function card(c: Criterion, cohort: IcpDocument['cohort']): CriterionCard {
  const e = c.evidence;
  return {
    label: c.label,
    column: c.column,
    category: c.category,
    points: c.points,
    disqualify: c.disqualify === true,
    best: e ? shareBar(e.cohort_count, e.cohort_share, cohort.size) : null,
    rest: e ? shareBar(e.rest_count, e.rest_share, cohort.total - cohort.size) : null,
    lift: e?.lift ?? null,
    q_value: e?.q_value ?? null,
    p_kind: e?.p_kind ?? null,
    stability: e?.stability ?? null,
  };
}

/** "Who they are": fit criteria grouped by category, the most points first; anti-fit ones apart. */
export function whoSection(doc: IcpDocument): WhoSection {
  const cards = doc.criteria.map((c) => card(c, doc.cohort));
  const byPoints = (a: CriterionCard, b: CriterionCard) => Math.abs(b.points) - Math.abs(a.points) || a.label.localeCompare(b.label);
  const fit = cards.filter((c) => c.points > 0);
  const order: CriterionCategory[] = [...ICP_CATEGORIES, 'other'];
  const groups = order
    .map((category) => ({ category, title: TITLES[category], cards: fit.filter((c) => c.category === category).sort(byPoints) }))
    .filter((g) => g.cards.length > 0);
  const empty =
    doc.criteria.length > 0
      ? null
      : doc.status === 'inconclusive'
        ? 'No trait set the best customers apart from the rest: the ICP is inconclusive, so there is nothing to target yet.'
        : 'The ICP file has no criteria.';
  return { groups, not_our_customer: cards.filter((c) => c.points <= 0).sort(byPoints), empty };
}
