import type { CriterionCard, ProfilePage, Tile } from '../../core/page/page-types.js';
import { twinBars } from './charts.js';
import { data, esc, figure, missing, qText, section, share } from './html-parts.js';
import { appendixHtml, channelsHtml, comparisonHtml, gapsHtml, valueHtml } from './html-outcomes.js';
import { personasHtml } from './html-personas.js';
import { PROFILE_CSS } from './style.js';

function tileHtml(t: Tile): string {
  const detail = t.detail ? `<div class="detail">${esc(t.detail)}</div>` : '';
  return `<div class="tile"${data({ tile: t.id, number: t.number })}><div class="label">${esc(t.label)}</div><div class="value">${esc(t.value)}</div>${detail}</div>`;
}

function headlineHtml(page: ProfilePage): string {
  const h = page.headline;
  return section(
    'headline',
    'The ICP in one sentence',
    `<p class="sentence">${esc(h.sentence)}</p>\n<div class="tiles">\n${h.tiles.map(tileHtml).join('\n')}\n</div>`,
  );
}

function cardHtml(c: CriterionCard): string {
  const points = `${c.points > 0 ? '+' : ''}${c.points} points${c.disqualify ? ', disqualifies' : ''}`;
  const small = [
    c.lift === null ? 'lift: only the best customers have it' : `lift ${c.lift.toFixed(2)}`,
    c.q_value === null ? null : `q ${qText(c.q_value)}`,
    c.stability === null ? null : `chosen again in ${share(c.stability)} of half-samples`,
  ].filter((s) => s !== null);
  const chart =
    c.best && c.rest
      ? figure(twinBars(c), `Best customers ${share(c.best.share)} vs the rest ${share(c.rest.share)}`)
      : missing('No evidence recorded (a criterion written by hand).');
  const attrs = data({
    criterion: c.label,
    column: c.column,
    category: c.category,
    points: c.points,
    'best-share': c.best?.share,
    'rest-share': c.rest?.share,
    'best-count': c.best?.count,
    'rest-count': c.rest?.count,
    lift: c.lift,
    'q-value': c.q_value,
  });
  return `<article class="card${c.points > 0 ? '' : ' anti'}"${attrs}>
<div class="head"><span class="name">${esc(c.label)}</span><span class="points">${esc(points)}</span></div>
${chart}
<p class="small">${esc(small.join(' · '))}</p>
</article>`;
}

function whoHtml(page: ProfilePage): string {
  const w = page.who;
  const groups = w.groups.map((g) => `<h3>${esc(g.title)}</h3>\n<div class="cards">\n${g.cards.map(cardHtml).join('\n')}\n</div>`).join('\n');
  const anti =
    w.not_our_customer.length === 0
      ? ''
      : `<div class="box-anti" data-box="not-our-customer"><h3>Not our customer</h3>\n<div class="cards">\n${w.not_our_customer.map(cardHtml).join('\n')}\n</div></div>`;
  return section('who', 'Who they are', w.empty ? missing(w.empty) : `${groups}\n${anti}`);
}

/** The page as one self-contained HTML file: inline style and SVG, no script, no request to any network. */
export function renderProfileHtml(page: ProfilePage): string {
  const inSample = page.value.in_sample === true ? ' <strong>In sample:</strong> the outcome figures are on the rows that built the ICP.' : '';
  const body = [
    headlineHtml(page),
    whoHtml(page),
    valueHtml(page),
    comparisonHtml(page),
    channelsHtml(page),
    personasHtml(page),
    gapsHtml(page),
    appendixHtml(page),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(page.title)}</title>
<style>${PROFILE_CSS}</style>
</head>
<body>
<main${data({ status: page.icp.status, 'icp-generated-at': page.icp.generated_at })}>
<header>
<h1>${esc(page.title)}</h1>
<p class="meta">Ideal Customer Profile from ${esc(page.icp.file)} (${esc(page.icp.status)}, derived ${esc(page.icp.generated_at.slice(0, 10))}); page made ${esc(page.generated_at.slice(0, 10))} by icp.${inSample}</p>
</header>
${body.join('\n')}
</main>
</body>
</html>
`;
}
