import { COLORS } from './charts.js';

/**
 * The page's one stylesheet, inlined: system fonts (no web font), colours of at least 4.5:1 on their
 * background, a single column below 640 px (a phone at 360 px reads it without scrolling sideways), and a
 * print layout for A4 or Letter.
 */
export const PROFILE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: ${COLORS.ink}; background: #fff; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 20px 40px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; line-height: 1.2; }
h2 { font-size: 1.15rem; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #d1d5db; }
h3 { font-size: 1rem; margin: 14px 0 6px; }
p { margin: 6px 0; }
.meta, .small { color: #4b5563; font-size: 0.85rem; }
.sentence { font-size: 1.15rem; font-weight: 600; margin: 12px 0 14px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; }
.tile { background: #f3f4f6; border-radius: 8px; padding: 10px 12px; min-width: 0; }
.tile .label { font-size: 0.8rem; color: #4b5563; text-transform: uppercase; letter-spacing: 0.03em; }
.tile .value { font-size: 1.2rem; font-weight: 700; overflow-wrap: anywhere; }
.tile .detail { font-size: 0.8rem; color: #4b5563; overflow-wrap: anywhere; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 12px; }
.card { border: 1px solid #d1d5db; border-radius: 8px; padding: 10px 12px; min-width: 0; break-inside: avoid; }
.card .head { display: flex; justify-content: space-between; gap: 8px; align-items: baseline; }
.card .name { font-weight: 600; overflow-wrap: anywhere; }
.points { font-weight: 700; color: ${COLORS.best}; white-space: nowrap; }
.anti .points { color: ${COLORS.anti}; }
.box-anti { border: 2px solid ${COLORS.anti}; border-radius: 8px; padding: 4px 12px 12px; margin-top: 14px; }
.box-anti h3 { color: ${COLORS.anti}; }
figure { margin: 6px 0; min-width: 0; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 0.8rem; color: #4b5563; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; }
.legend { font-size: 0.8rem; color: #4b5563; margin: 2px 0 4px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 10px; vertical-align: baseline; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 6px 0; }
th, td { padding: 4px 8px; border-bottom: 1px solid #e5e7eb; text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; white-space: normal; }
thead th { border-bottom: 2px solid #9ca3af; }
.warning { background: #fef3c7; color: #78350f; border-radius: 6px; padding: 6px 10px; font-size: 0.9rem; }
.missing { color: #4b5563; font-style: italic; }
dl { margin: 6px 0; font-size: 0.85rem; }
dt { font-weight: 600; margin-top: 6px; }
dd { margin: 0 0 0 0; overflow-wrap: anywhere; }
.sources td { white-space: normal; overflow-wrap: anywhere; }
code { font-size: 0.78rem; overflow-wrap: anywhere; }
@media (max-width: 640px) {
  main { padding: 14px 12px 28px; }
  .cards { grid-template-columns: 1fr; }
  h1 { font-size: 1.3rem; }
}
@page { size: A4; margin: 11mm; }
@media print {
  body { font-size: 8.5pt; line-height: 1.3; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 14pt; }
  h2 { margin: 8px 0 4px; font-size: 10.5pt; break-after: avoid; }
  h3 { margin: 6px 0 3px; font-size: 9pt; }
  .sentence { font-size: 10pt; margin: 4px 0 6px; }
  .tiles { grid-template-columns: repeat(6, 1fr); gap: 5px; }
  .tile { padding: 4px 6px; }
  .tile .value { font-size: 10pt; }
  .tile .label, .tile .detail, .small, figcaption, .legend { font-size: 7pt; }
  .cards { grid-template-columns: repeat(3, 1fr); gap: 6px; }
  .card { padding: 5px 7px; }
  .card svg { max-width: 62mm; }
  .charts figure svg { width: 62mm; height: auto; }
  .warning { font-size: 7.5pt; padding: 3px 6px; }
  code { font-size: 6pt; word-break: break-all; }
  table { font-size: 7.5pt; }
  th, td { padding: 2px 5px; }
  .card, figure, table, .tile { break-inside: avoid; }
  .appendix { font-size: 7pt; column-count: 2; column-gap: 8mm; }
  .appendix h2 { column-span: all; }
  .appendix table, .appendix dl { font-size: 6.5pt; }
  a { color: inherit; text-decoration: none; }
}
`;
