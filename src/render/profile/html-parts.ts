import { percentText } from '../../core/percent.js';

/** Text as HTML: every value from the data goes through here (an industry called `<script>` is text). */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** `data-*` attributes with the raw figures, for scripts and tests to read what the page shows. */
export function data(attributes: Record<string, string | number | boolean | null | undefined>): string {
  return Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` data-${k}="${esc(v === null ? '' : String(v))}"`)
    .join('');
}

export const share = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : percentText(v));

export function money(v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export const days = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : `${Math.round(v)} d`);

export const ratio = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : `${v >= 10 ? Math.round(v) : v.toFixed(1)}x`);

/** q in small print: `< 0.001`, else two significant digits. */
export const qText = (q: number): string => (q < 0.001 ? '< 0.001' : q.toPrecision(2));

export function section(id: string, title: string, body: string): string {
  return `<section id="${id}" data-section="${id}" aria-labelledby="${id}-title">\n<h2 id="${id}-title">${esc(title)}</h2>\n${body}\n</section>`;
}

export function missing(text: string): string {
  return `<p class="missing" data-missing="true">${esc(text)}</p>`;
}

/** A chart with its caption (its text alternative is the SVG's own label and description). */
export function figure(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
}

/** The swatches of a chart's colours, as HTML next to it (Plot's own legend is an HTML figure we do not need). */
export function legend(entries: readonly [label: string, color: string][]): string {
  return `<div class="legend" aria-hidden="true">${entries.map(([label, color]) => `<span class="swatch" style="background:${color}"></span>${esc(label)}`).join('')}</div>`;
}

/** A table wrapped so that a wide one scrolls inside the page instead of widening it. */
export function table(head: readonly string[], rows: readonly string[][], attrs: readonly string[] = [], cls = ''): string {
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows.map((r, i) => `<tr${attrs[i] ?? ''}>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table${cls ? ` class="${cls}"` : ''}><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** What each file of the appendix was used for, in words. */
export const USED_FOR = { icp: 'derived the ICP', page: 'outcomes on this page', both: 'derived the ICP; outcomes on this page' } as const;
