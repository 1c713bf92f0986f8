import { describe, expect, it } from 'vitest';
import { COLORS } from '../../../src/render/profile/charts.js';
import { PROFILE_CSS } from '../../../src/render/profile/style.js';

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number);
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe('the profile page colours', () => {
  it('pass WCAG AA (4.5:1) on white: the chart colours and every text colour of the stylesheet', () => {
    for (const c of Object.values(COLORS)) expect(contrast(c, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    const texts = [...PROFILE_CSS.matchAll(/(?<![-\w])color: (#[0-9a-f]{6})/g)].map((m) => m[1] as string);
    expect(texts.length).toBeGreaterThan(3);
    // Text sits on white, on the tiles' #f3f4f6 or on the warning's #fef3c7.
    for (const t of texts) for (const bg of ['#ffffff', '#f3f4f6', '#fef3c7']) expect(contrast(t, bg), `${t} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });
});
