import { describe, expect, it } from 'vitest';
import { buildProfilePage } from '../../../src/core/page/build-page.js';
import type { ProfilePage } from '../../../src/core/page/page-types.js';
import { renderProfileHtml } from '../../../src/render/profile/html.js';
import { renderProfileMarkdown } from '../../../src/render/profile/markdown.js';
import { readIcp } from '../../../src/io/yaml.js';

const ICP = new URL('../../golden/icp.yaml', import.meta.url).pathname;
const EVIL = '<img src=x onerror=alert(1)>';

async function page(): Promise<ProfilePage> {
  return buildProfilePage({ doc: await readIcp(ICP), icpFile: 'icp.yaml', generatedAt: '2026-12-03T00:00:00.000Z' });
}

describe('renderProfileHtml', () => {
  it('writes every section, each figure in a data attribute, a chart with a label and a title per bar', async () => {
    const p = await page();
    const html = renderProfileHtml(p);
    const sections = [...html.matchAll(/<section id="([a-z]+)" data-section/g)].map((m) => m[1]);
    expect(sections).toEqual(['headline', 'who', 'value', 'comparison', 'channels', 'personas', 'gaps', 'appendix']);
    for (const t of p.headline.tiles) expect(html).toContain(`data-tile="${t.id}" data-number="${t.number ?? ''}"`);
    const cards = p.who.groups.flatMap((g) => g.cards);
    for (const c of cards) expect(html).toContain(`data-criterion="${c.label}"`);
    expect(html.match(/<svg[^>]*role="img"/g)?.length).toBe(cards.length);
    expect(html.match(/<title>Best customers: /g)?.length).toBe(cards.length);
  });

  it('escapes every value from the data, in text and in attributes, in the charts too', async () => {
    const p = await page();
    const card = p.who.groups[0]?.cards[0];
    if (!card) throw new Error('a card');
    card.label = EVIL;
    p.title = `${EVIL}"'&`;
    p.channels = { column: EVIL, file: 'f.csv', unit: 'accounts', rows: [{ source: EVIL, accounts: 3, icp_accounts: 1, icp_share: 1 / 3, win_rate: null }] };
    const html = renderProfileHtml(p);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain(`<title>&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;</title>`);
  });

  it('the Markdown has the same sections, with the charts as tables', async () => {
    const md = renderProfileMarkdown(await page());
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Who they are',
      '## Where the value is',
      '## ICP vs non-ICP',
      '## Channels',
      '## Personas',
      '## Gaps to fill',
      '## How each number was computed',
    ]);
    expect(md).toContain('| Criterion | Points | Best customers (95%) | The rest (95%) | Lift | q |');
  });
});
