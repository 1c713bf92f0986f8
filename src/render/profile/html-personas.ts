import type { ProfilePage } from '../../core/page/page-types.js';
import { twinBars } from './charts.js';
import { data, esc, figure, missing, qText, section, share } from './html-parts.js';

/** "Personas": a card per persona (twin bars of the best customers and the rest that have one), then where the decision sits. */
export function personasHtml(page: ProfilePage): string {
  const p = page.personas;
  if ('missing' in p) return section('personas', 'Personas', missing(p.missing));
  const cards = p.personas.map((x) => {
    const chart = figure(
      twinBars({ label: x.name, points: 1, best: x.best, rest: x.rest }),
      `Best customers with one ${share(x.best.share)} vs the rest ${share(x.rest.share)}`,
    );
    const small = [
      x.lift === null ? 'only the best customers have one' : `lift ${x.lift.toFixed(2)}`,
      `q ${qText(x.q_value)}`,
      `found again in ${share(x.stability)} of half-samples`,
    ];
    const sources = x.lead_sources.map((s) => `${s.source} ${share(s.share)}`).join(', ');
    const attrs = data({ persona: x.name, function: x.function, 'best-share': x.best.share, 'rest-share': x.rest.share, lift: x.lift, 'q-value': x.q_value });
    return `<article class="card"${attrs}>
<div class="head"><span class="name">${esc(x.name)}</span></div>
${chart}
<p class="small">Typical titles: ${esc(x.titles.join('; ') || '–')}${x.buying_role ? ` · buying role: ${esc(x.buying_role)}` : ''}${sources ? ` · sources: ${esc(sources)}` : ''}</p>
<p class="small">${esc(small.join(' · '))}</p>
</article>`;
  });
  const intro = `<p class="small">From ${esc(p.contacts)}: accounts with contacts, ${p.accounts.best} best customers and ${p.accounts.rest} others.</p>`;
  const decision = p.decision.map((d) => `${esc(d.seniority)} ${share(d.share)}`).join(', ');
  const notes = p.notes.map((n) => `<p class="small">${esc(n)}</p>`).join('');
  const body = p.personas.length > 0 ? `<div class="cards">\n${cards.join('\n')}\n</div>` : '';
  return section(
    'personas',
    'Personas',
    `${intro}${body}${notes}<p data-decision="true"><strong>Where the decision sits</strong> (the most senior contact of each best customer): ${decision}</p>`,
  );
}
