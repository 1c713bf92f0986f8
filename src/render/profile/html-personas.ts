import type { DealPersonasPage, PersonaCard, ProfilePage } from '../../core/page/page-types.js';
import { twinBars } from './charts.js';
import { data, esc, figure, missing, qText, section, share } from './html-parts.js';

/** A persona's card: twin bars of the two groups (best customers and the rest, or won and lost deals) that have one. */
function personaCard(x: PersonaCard, groups: readonly [string, string], role: string): string {
  const chart = figure(
    twinBars({ label: x.name, points: 1, best: x.best, rest: x.rest }, groups),
    `${groups[0]} with one ${share(x.best.share)} vs ${groups[1].toLowerCase()} ${share(x.rest.share)}`,
  );
  const small = [
    x.lift === null ? `only ${groups[0].toLowerCase()} have one` : `lift ${x.lift.toFixed(2)}`,
    `q ${qText(x.q_value)}`,
    `found again in ${share(x.stability)} of half-samples`,
  ];
  const sources = x.lead_sources.map((s) => `${s.source} ${share(s.share)}`).join(', ');
  const attrs = data({ persona: x.name, function: x.function, 'best-share': x.best.share, 'rest-share': x.rest.share, lift: x.lift, 'q-value': x.q_value });
  return `<article class="card"${attrs}>
<div class="head"><span class="name">${esc(x.name)}</span></div>
${chart}
<p class="small">Typical titles: ${esc(x.titles.join('; ') || '–')}${x.buying_role ? ` · ${role}: ${esc(x.buying_role)}` : ''}${sources ? ` · sources: ${esc(sources)}` : ''}</p>
<p class="small">${esc(small.join(' · '))}</p>
</article>`;
}

const cardsOf = (cards: readonly string[]) => (cards.length > 0 ? `<div class="cards">\n${cards.join('\n')}\n</div>` : '');
const notesOf = (notes: readonly string[]) => notes.map((n) => `<p class="small">${esc(n)}</p>`).join('');

/** The deal part (--contact-roles): the people on won deals against lost ones. */
function dealsHtml(d: DealPersonasPage): string {
  const cards = d.personas.map((x) => personaCard(x, ['Won deals', 'Lost deals'], 'role on the deal'));
  const decision = d.decision.map((x) => `${esc(x.seniority)} ${share(x.share)}`).join(', ');
  const primary = d.primary.map((x) => `${esc(x.function)} ${share(x.share)}`).join(', ');
  return `<h3>On deals</h3>
<p class="small">From ${esc(d.contact_roles)}: the contacts of ${d.deals.won} won and ${d.deals.lost} lost deals of ${d.deals.accounts} accounts.</p>
<div data-deal-personas="true">${cardsOf(cards)}</div>${notesOf(d.notes)}<p data-deal-decision="true"><strong>Where the decision sits on won deals</strong> (the most senior contact of each): ${decision}</p>${primary ? `<p class="small">Primary contact of won deals, by function: ${primary}</p>` : ''}`;
}

/** "Personas": a card per persona (twin bars of the best customers and the rest that have one), where the decision sits, then the deals. */
export function personasHtml(page: ProfilePage): string {
  const p = page.personas;
  if ('missing' in p) return section('personas', 'Personas', missing(p.missing));
  const cards = p.personas.map((x) => personaCard(x, ['Best customers', 'The rest'], 'buying role'));
  const intro = `<p class="small">From ${esc(p.contacts)}: accounts with contacts, ${p.accounts.best} best customers and ${p.accounts.rest} others.</p>`;
  const decision = p.decision.map((d) => `${esc(d.seniority)} ${share(d.share)}`).join(', ');
  return section(
    'personas',
    'Personas',
    `${intro}${cardsOf(cards)}${notesOf(p.notes)}<p data-decision="true"><strong>Where the decision sits</strong> (the most senior contact of each best customer): ${decision}</p>${p.deals ? dealsHtml(p.deals) : ''}`,
  );
}
