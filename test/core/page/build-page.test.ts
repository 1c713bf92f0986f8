import { describe, expect, it } from 'vitest';
import { buildProfilePage } from '../../../src/core/page/build-page.js';
import { buildReport } from '../../../src/core/report/build-report.js';
import { wilsonInterval } from '../../../src/core/stats/wilson.js';
import type { IcpDocument } from '../../../src/core/icp/schema.js';
import { readTable } from '../../../src/io/csv/read-table.js';
import { readIcp } from '../../../src/io/yaml.js';
import { fixture } from '../../helpers/spawn-icp.js';

const ICP = new URL('../../golden/icp.yaml', import.meta.url).pathname;
const AT = '2026-12-03T10:00:00.000Z';

async function withReport() {
  const doc = await readIcp(ICP);
  const [customers, deals, leads] = await Promise.all([readTable(fixture('customers.csv')), readTable(fixture('deals.csv')), readTable(fixture('leads.csv'))]);
  const { report } = buildReport({ doc, customers, deals, leads });
  return { doc, report };
}

describe('buildProfilePage with the ICP file alone', () => {
  it("draws what the file holds: the sentence, the tiles, a card per criterion with the file's evidence", async () => {
    const doc = await readIcp(ICP);
    const page = buildProfilePage({ doc, icpFile: 'icp.yaml', generatedAt: AT });
    expect(page.title).toBe(doc.name);
    expect(page.headline.sentence).toMatch(/^Your best customers are /);
    const tile = (id: string) => page.headline.tiles.find((t) => t.id === id);
    expect(tile('customers')?.number).toBe(doc.cohort.total);
    expect(tile('cohort')?.number).toBe(doc.cohort.size);
    expect(tile('validation')?.number).toBe(doc.validation?.auc);
    expect(tile('tier_a')?.number).toBe(doc.validation?.tier_a_share_of_value);
    const cards = page.who.groups.flatMap((g) => g.cards);
    expect(cards.map((c) => c.label).sort()).toEqual(doc.criteria.map((c) => c.label).sort());
    for (const c of doc.criteria) {
      const card = cards.find((k) => k.label === c.label);
      expect([card?.points, card?.best?.count, card?.best?.share, card?.rest?.share, card?.lift, card?.q_value]).toEqual([
        c.points,
        c.evidence?.cohort_count,
        c.evidence?.cohort_share,
        c.evidence?.rest_share,
        c.evidence?.lift,
        c.evidence?.q_value,
      ]);
      // n is count / share, and the interval is Wilson's on it.
      const n = Math.round((c.evidence?.cohort_count as number) / (c.evidence?.cohort_share as number));
      expect(card?.best?.ci).toEqual(wilsonInterval(c.evidence?.cohort_count as number, n));
    }
  });

  it('groups cards by category in the ICP order, most points first, and says what would fill the outcome sections', async () => {
    const page = buildProfilePage({ doc: await readIcp(ICP), icpFile: 'icp.yaml', generatedAt: AT });
    expect(page.who.groups.map((g) => g.category)).toEqual(['firmographic', 'technographic']);
    for (const g of page.who.groups) expect(g.cards.map((c) => c.points)).toEqual([...g.cards.map((c) => c.points)].sort((a, b) => b - a));
    for (const s of [page.comparison, page.channels, page.personas]) expect(s).toHaveProperty('missing');
    expect(page.value.tiers).toHaveProperty('missing');
    // Without the files, the gaps are the categories no criterion covers.
    expect(page.gaps).toMatchObject({ basis: 'criteria' });
    expect(page.gaps.categories.map((c) => c.category)).toEqual(['behavioral', 'needs', 'value', 'fit']);
    expect(page.appendix.sources.map((s) => s.used_for)).toEqual(['icp', 'icp']);
  });

  it('puts anti-fit criteria in "Not our customer", and an inconclusive ICP has no cards but says why', async () => {
    const doc = await readIcp(ICP);
    const anti: IcpDocument = {
      ...doc,
      criteria: [...doc.criteria, { ...(doc.criteria[0] as IcpDocument['criteria'][number]), label: 'Industry is Retail', points: -20 }],
    };
    expect(buildProfilePage({ doc: anti, icpFile: 'i', generatedAt: AT }).who.not_our_customer.map((c) => c.label)).toEqual(['Industry is Retail']);
    const none: IcpDocument = { ...doc, status: 'inconclusive', criteria: [] };
    const page = buildProfilePage({ doc: none, icpFile: 'i', generatedAt: AT });
    expect([page.who.groups, page.who.empty]).toEqual([[], expect.stringMatching(/inconclusive/)]);
  });
});

describe('buildProfilePage with the files', () => {
  it('takes the outcome sections from the report, number for number', async () => {
    const { doc, report } = await withReport();
    const page = buildProfilePage({ doc, icpFile: 'icp.yaml', generatedAt: AT, report });
    const tiers = page.value.tiers;
    if ('missing' in tiers) throw new Error('tiers missing');
    expect(tiers.map((t) => [t.tier, t.accounts, t.share_of_measure, t.cumulative_share_of_measure])).toEqual(
      report.measure?.gains.map((g) => [g.tier, g.accounts, g.share_of_measure, g.cumulative_share_of_measure]),
    );
    expect(tiers.map((t) => t.win_rate)).toEqual(tiers.map((t) => report.tiers[t.tier]?.win_rate ?? null));
    const comparison = page.comparison;
    if ('missing' in comparison) throw new Error('comparison missing');
    expect(comparison.verdict).toBe(report.verdict);
    expect(comparison.in_sample).toBe(true);
    const win = comparison.rows.find((r) => r.metric === 'Win rate');
    expect([win?.icp, win?.non_icp]).toEqual([report.segments.icp.win_rate, report.segments.non_icp.win_rate]);
    const channels = page.channels;
    if ('missing' in channels) throw new Error('channels missing');
    expect(channels.rows.map((r) => [r.source, r.icp_accounts])).toEqual(report.by_source?.sources.map((s) => [s.source, s.icp_accounts]));
    expect(page.appendix.sources.filter((s) => s.used_for !== 'icp').map((s) => s.sha256)).toEqual(report.inputs.map((i) => i.sha256));
  });
});
