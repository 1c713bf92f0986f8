import { beforeAll, describe, expect, it } from 'vitest';
import { classifyTitle, compileTitles, type TitleMatcher } from '../../../src/core/personas/classify-title.js';
import { mergeDictionaries } from '../../../src/core/personas/title-dictionary.js';
import { IcpError } from '../../../src/errors.js';
import { parseTitles, readTitleDictionary } from '../../../src/io/titles-file.js';
import { TITLE_TABLE } from './title-table.js';

let m: TitleMatcher;
beforeAll(async () => {
  m = compileTitles(await readTitleDictionary());
});

/** The table's rows: the title is everything before the last two " | " (a title may hold one itself). */
const rows = TITLE_TABLE.split('\n')
  .filter((l) => l.trim() !== '')
  .map((line) => {
    const parts = line.trimEnd().split(' | ');
    const fn = parts.pop() as string;
    const seniority = parts.pop() as string;
    return { title: parts.join(' | '), seniority, function: fn };
  });

describe('classifyTitle on the table of real-world-shaped titles', () => {
  it('has at least 300 titles', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
  });

  it('gets at least 95% of them right (seniority and function both), and lists every miss', () => {
    const misses = rows.flatMap((r) => {
      const c = classifyTitle(r.title, m);
      const got = { seniority: c.seniority.join('+'), function: c.function };
      return got.seniority === r.seniority && got.function === r.function
        ? []
        : [`${JSON.stringify(r.title)}: want ${r.seniority} / ${r.function}, got ${got.seniority} / ${got.function} (${c.rule})`];
    });
    // Every miss in the output, right or wrong in the end.
    if (misses.length > 0) console.log(`${misses.length} of ${rows.length} titles missed:\n${misses.join('\n')}`);
    expect(misses.length / rows.length).toBeLessThanOrEqual(0.05);
  });
});

describe('classifyTitle', () => {
  it('says which phrase decided, strips noise and reads two seniorities in one title', () => {
    expect(classifyTitle('Co-founder & CEO | Acme Inc (he/him)', m)).toEqual({
      seniority: ['owner', 'c-level'],
      function: 'executive',
      rule: 'seniority owner and c-level (founder, ceo); function executive (ceo)',
    });
    expect(classifyTitle('VP Revenue Operations', m).rule).toBe('seniority vp (vicepresident); function operations (revenue operations)');
    expect(classifyTitle('', m)).toEqual({ seniority: ['unknown'], function: 'other', rule: 'empty title' });
    expect(classifyTitle('营销总监', m).rule).toBe('unreadable title (no word in Latin letters)');
    // An assistant's title is the assistant's, not the executive's.
    for (const t of ['Executive Assistant to the CEO', 'EA to CEO', 'Assistant to the CFO']) expect(classifyTitle(t, m).seniority).toEqual(['entry']);
  });
});

describe('a user dictionary (--titles)', () => {
  it('extends the shipped one, and a phrase it lists moves to the level or function it names', async () => {
    const user = parseTitles(
      ['function:', '  sales: [consultant, partner]', 'seniority:', '  head: [lead]', 'abbreviations:', '  gf: geschaftsfuhrer'].join('\n'),
      'mine.yaml',
    );
    const mine = compileTitles(mergeDictionaries(await readTitleDictionary(), user));
    expect(classifyTitle('Senior Consultant', mine)).toMatchObject({ seniority: ['senior'], function: 'sales' });
    expect(classifyTitle('Design Lead', mine)).toMatchObject({ seniority: ['head'], function: 'product' });
    expect(classifyTitle('GF', mine)).toMatchObject({ seniority: ['c-level'], function: 'executive' });
    expect(classifyTitle('Design Lead', m)).toMatchObject({ seniority: ['senior'] });
  });

  it('reads its phrases as titles are read: punctuation, abbreviations and compounds', async () => {
    const user = parseTitles(
      [
        'seniority:',
        '  owner: [co-owner]',
        '  c-level: [managing director]',
        'function:',
        "  finance: ['fp&a', 'sr. treasury']",
        'abbreviations:',
        '  "mgmt.": management',
      ].join('\n'),
      'mine.yaml',
    );
    const mine = compileTitles(mergeDictionaries(await readTitleDictionary(), user));
    expect(classifyTitle('Co-Owner', mine).seniority).toEqual(['owner']);
    expect(classifyTitle('FP&A Lead', mine)).toMatchObject({ seniority: ['senior'], function: 'finance' });
    expect(classifyTitle('Sr Treasury Analyst', mine).function).toBe('finance');
    expect(classifyTitle('Chief of Staff', m).function).toBe('executive');
  });

  it('a file that names an unknown level, or is not YAML, is an error naming the file, line and column', () => {
    expect(() => parseTitles('seniority:\n  boss: [chief]\n', 'mine.yaml')).toThrow(/seniority\.boss: .* \(one of: owner, c-level, .*\) \(mine\.yaml:2:3\)$/);
    expect(() => parseTitles('function: [sales\n', 'mine.yaml')).toThrow(/\(mine\.yaml:\d+:\d+\)$/);
    expect(() => parseTitles('seniority:\n  head: [*leiter]\n', 'mine.yaml')).toThrow(IcpError);
  });
});
