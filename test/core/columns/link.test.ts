import { describe, expect, it } from 'vitest';
import { inferColumn } from '../../../src/core/columns/infer.js';
import { isLinkColumn, isUrlShaped, LINK_SHARE } from '../../../src/core/columns/link.js';
import { guessRole } from '../../../src/core/columns/roles.js';

const infer = (header: string, values: string[]) => inferColumn(0, header, guessRole(header)?.role, values);
const times = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe('isUrlShaped', () => {
  it('reads addresses with a scheme, with www., and domains followed by a path', () => {
    for (const url of [
      'https://acme.com',
      'http://zenithlogistics.com/',
      'https://www.acme.co.uk/pricing?utm=x',
      'ftp://files.acme.io/a',
      'www.acme.com',
      'www.acme.com/about',
      'linkedin.com/in/jane-doe',
      'www.linkedin.com/company/acme',
      'twitter.com/acme',
      'facebook.com/acme',
      'acme.com/',
      '  https://acme.com/x  ',
    ])
      expect(isUrlShaped(url), url).toBe(true);
  });

  it('does not read bare domains, emails, numbers, names or prose as links', () => {
    for (const value of [
      'acme.com',
      'jane@acme.com',
      '12.5',
      '3.5M',
      '1,234.50',
      'Acme Inc.',
      'Inc./LLC',
      'http://',
      'localhost/x',
      'see https://acme.com',
      'N/A/unknown',
      '51-200',
      '2024-01-12',
      'v1.2/beta',
    ])
      expect(isUrlShaped(value), value).toBe(false);
  });
});

describe('isLinkColumn', () => {
  it(`needs at least ${LINK_SHARE * 100}% of the cells to be links`, () => {
    const links = (k: number) => [...times(k, (i) => `https://acme${i}.com/`), ...times(10 - k, (i) => `company ${i}`)];
    expect(isLinkColumn(links(8))).toBe(true);
    expect(isLinkColumn(links(7))).toBe(false);
    expect(isLinkColumn([])).toBe(false);
    const of15 = (k: number) => [...times(k, (i) => `www.acme${i}.com`), ...times(15 - k, (i) => `acme ${i}`)];
    expect(isLinkColumn(of15(12))).toBe(true);
    expect(isLinkColumn(of15(11))).toBe(false);
  });
});

describe('inferColumn: links', () => {
  it('types a column of URLs as a link, whatever its header', () => {
    expect(
      infer(
        'LinkedIn Profile',
        times(30, (i) => `https://www.linkedin.com/in/person-${i}`),
      ).type,
    ).toBe('link');
    expect(
      infer(
        'Twitter',
        times(30, (i) => `twitter.com/handle${i}`),
      ).type,
    ).toBe('link');
    expect(
      infer(
        'Landing Page',
        times(30, (i) => ['www.acme.com/pricing', 'www.acme.com/blog'][i % 2] as string),
      ).type,
    ).toBe('link');
    expect(
      infer(
        'Source Page',
        times(30, (i) => `acme.com/campaign/${i}`),
      ).type,
    ).toBe('link');
  });

  it('keeps a link column with a fifth of junk a link, and a column with a few links what it was', () => {
    const mostly = times(30, (i) => (i % 5 === 0 ? 'see notes' : `https://acme${i}.com/`));
    expect(infer('Profile', mostly).type).toBe('link');
    const sometimes = times(30, (i) => (i % 5 === 0 ? 'https://partner.com/ref' : (['Webinar', 'Referral', 'Ads'][i % 3] as string)));
    expect(infer('Referrer', sometimes).type).toBe('category');
  });

  it('keeps a Website column of domains the domain role (an id), and one of URLs too', () => {
    expect(
      infer(
        'Website',
        times(30, (i) => `acme${i}.com`),
      ),
    ).toMatchObject({ role: 'domain', type: 'id' });
    expect(
      infer(
        'Website',
        times(30, (i) => `https://www.acme${i}.com`),
      ),
    ).toMatchObject({ role: 'domain', type: 'id' });
  });

  it('keeps numbers numbers whatever the header says', () => {
    const minutes = times(40, (i) => ((i * 7.3) % 31).toFixed(1));
    expect(infer('Total Time Spent on Website', minutes).type).toBe('number');
    expect(
      infer(
        'Page Views Per Visit',
        times(40, (i) => String(i % 6)),
      ).type,
    ).toBe('number');
    expect(
      infer(
        'LinkedIn Followers',
        times(40, (i) => String((i * 37) % 500)),
      ).type,
    ).toBe('number');
    expect(
      infer(
        'Website Visits',
        times(40, (i) => String((i * 13) % 17)),
      ).type,
    ).toBe('number');
  });
});
