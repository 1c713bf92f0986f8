import fc from 'fast-check';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Criterion, IcpDocument } from '../../src/core/icp/schema.js';
import { CRITERION_CATEGORIES } from '../../src/core/icp/schema.js';
import { icpTemplate } from '../../src/core/icp/template.js';
import { IcpError, InternalError } from '../../src/errors.js';
import { checkIcpText, formatPath, formatProblem, readIcp, stringifyIcp, writeIcp } from '../../src/io/yaml.js';

const okText = `# hand-written
version: 1
name: Acme
status: ok
generated_at: 2026-11-23T12:00:00Z
source:
  - name: companies.csv
    rows: 250
    sha256: ${'ab'.repeat(32)}
cohort:
  measure: won value
  rule: top 20% by won value
  size: 50
  total: 250
  share_of_value: 0.71
criteria:
  - column: Industry
    attribute: industry
    category: firmographic
    label: Industry is Software
    match: { in: [Software] }
    points: 100
    evidence:
      cohort_count: 30
      rest_count: 40
      cohort_share: 0.6
      rest_share: 0.2
      lift: 3
      p_value: 1.2e-12
      q_value: 4.8e-11
tiers:
  A: 75
  B: 50
  C: 25
`;

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('checkIcpText', () => {
  it('parses a valid file into the document', () => {
    const { doc, problems } = checkIcpText(okText, 'icp.yaml');
    expect(problems).toEqual([]);
    expect(doc?.criteria[0]?.evidence?.p_value).toBe(1.2e-12);
    expect(doc?.generated_at).toBe('2026-11-23T12:00:00Z');
  });

  it('reports a wrong type on the YAML line and column of the value', () => {
    const text = okText.replace('    points: 100', '    points: lots');
    const { doc, problems } = checkIcpText(text, 'icp.yaml');
    expect(doc).toBeUndefined();
    expect(problems).toEqual([
      {
        file: 'icp.yaml',
        line: lineOf(text, 'points: lots'),
        column: 13,
        path: 'criteria[0].points',
        message: 'expected a number, got text "lots"',
      },
    ]);
  });

  it('places a missing key on the line where its parent mapping starts', () => {
    const text = okText.replace('    attribute: industry\n', '');
    expect(checkIcpText(text, 'icp.yaml').problems).toMatchObject([
      { line: lineOf(text, '- column: Industry'), path: 'criteria[0].attribute', message: 'is required' },
    ]);
  });

  it('places a problem about a block mapping on its key, and sorts problems by line', () => {
    const text = okText.replace('  C: 25', '  C: 25\n  D: 0').replace('  measure: won value\n', '');
    expect(checkIcpText(text, 'icp.yaml').problems).toMatchObject([
      { line: lineOf(text, 'cohort:'), path: 'cohort.measure' },
      { line: lineOf(text, 'D: 0'), path: 'tiers.D', message: 'unknown key "D"' },
    ]);
  });

  it('places an item of a flow list on its own line and column', () => {
    const text = okText.replace('match: { in: [Software] }', 'match:\n      in: [Software, 42]');
    expect(checkIcpText(text, 'x.yaml').problems).toEqual([
      {
        file: 'x.yaml',
        line: lineOf(text, '[Software, 42]'),
        column: 22,
        path: 'criteria[0].match.in[1]',
        message: 'expected text, got 42',
      },
    ]);
  });

  it('places semantic problems on the line of the node they are about', () => {
    const text = okText.replace('  B: 50', '  B: 90').replace('points: 100', 'points: 90');
    expect(checkIcpText(text, 'icp.yaml').problems).toMatchObject([
      {
        line: lineOf(text, 'criteria:'),
        path: 'criteria',
        message: expect.stringMatching(/^positive points must add up to 100, but the only positive criterion, "[^"]+", has 90$/),
      },
      { line: lineOf(text, 'B: 90'), path: 'tiers.B' },
    ]);
  });

  it('reports YAML syntax errors with their line, without schema noise', () => {
    const text = okText.replace('  rule: top 20% by won value', '  rule: [top 20%');
    const { doc, problems } = checkIcpText(text, 'icp.yaml');
    expect(doc).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: 'icp.yaml', path: '' });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(lineOf(text, 'rule: [top'));
  });

  it('reports a duplicate key on the line of the second one', () => {
    const text = okText.replace('name: Acme', 'name: Acme\nname: Other');
    expect(checkIcpText(text, 'icp.yaml').problems).toEqual([
      { file: 'icp.yaml', line: lineOf(text, 'name: Other'), column: 1, path: '', message: 'Map keys must be unique' },
    ]);
  });

  it('says so when the file is empty, and reads a file that starts with a BOM', () => {
    expect(checkIcpText('# nothing here\n', 'icp.yaml').problems).toEqual([
      { file: 'icp.yaml', line: 1, column: 1, path: '', message: 'the file is empty; run "icp init" to write a template' },
    ]);
    expect(checkIcpText(`\uFEFF${okText}`, 'icp.yaml').problems).toEqual([]);
  });
});

describe('checkIcpText on hostile input', () => {
  it('reports an alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) {
      const prev = i === 0 ? 'a' : `b${i - 1}`;
      lines.push(`b${i}: &b${i} [${Array.from({ length: 10 }, () => `*${prev}`).join(', ')}]`);
    }
    expect(checkIcpText(lines.join('\n'), 'bomb.yaml').problems).toEqual([
      { file: 'bomb.yaml', line: 1, column: 1, path: '', message: expect.stringMatching(/alias/i) },
    ]);
  });
});

describe('formatPath and formatProblem', () => {
  it('writes paths as a reader would type them', () => {
    expect(formatPath(['criteria', 2, 'points'])).toBe('criteria[2].points');
    expect(formatPath(['options', 'value column'])).toBe('options["value column"]');
    expect(formatPath([])).toBe('');
  });

  it('leaves out an empty path', () => {
    expect(formatProblem({ file: 'a.yaml', line: 3, path: 'tiers.A', message: 'm' })).toBe('a.yaml:3: tiers.A: m');
    expect(formatProblem({ file: 'a.yaml', line: 3, path: '', message: 'm' })).toBe('a.yaml:3: m');
  });
});

describe('stringifyIcp', () => {
  const doc = checkIcpText(okText, 'icp.yaml').doc!;

  it('starts with a guide that explains status, points, unknown values, tiers and editing', () => {
    const text = stringifyIcp(doc);
    const header = text.slice(0, text.indexOf('\nversion:'));
    const phrases = ['inconclusive', 'Positive points add up to 100', 'unknown, not a mismatch', 'tier "disqualified"', 'icp validate'];
    for (const phrase of phrases) expect(header).toContain(phrase);
    expect(header.split('\n').every((line) => line === '' || line.startsWith('#'))).toBe(true);
    expect(text).toMatch(/\n# [^\n]*\ncohort:/);
    expect(text).toMatch(/\n# [^\n]*\ntiers:/);
    expect(text).toMatch(/# evidence compares the cohort[\s\S]*\ncriteria:/);
  });

  it('writes a file with fewer tiers without the missing keys, and its comment names only those it has', () => {
    const two = stringifyIcp({ ...doc, tiers: { A: 100, B: 40 } });
    expect(two).toContain('# A row is tier A at or above A points, B at or above B, and D below B (this file has no C).\ntiers:\n  A: 100\n  B: 40\n');
    const one = stringifyIcp({ ...doc, tiers: { A: 100 } });
    expect(one).toContain('# A row is tier A at or above A points, and D below A (this file has no B or C).\ntiers:\n  A: 100\n');
    expect(checkIcpText(one, 'icp.yaml').doc?.tiers).toEqual({ A: 100 });
    expect(stringifyIcp(doc)).toContain('# A row is tier A at or above A points, B at or above B, C at or above C, and D below C.\ntiers:');
  });

  it('writes keys in the documented order whatever order the object has', () => {
    const shuffled = Object.fromEntries(Object.entries(doc).reverse()) as IcpDocument;
    const text = stringifyIcp({ ...shuffled, notes: ['n'], options: { top: 0.2, alpha: 0.05 } });
    const topKeys = text
      .split('\n')
      .filter((l) => /^[a-z_]+:/.test(l))
      .map((l) => l.split(':')[0]);
    expect(topKeys).toEqual(['version', 'name', 'status', 'generated_at', 'source', 'cohort', 'options', 'criteria', 'tiers', 'notes']);
    expect(text).toContain('options:\n  alpha: 0.05\n  top: 0.2\n');
    const criterionLines = text.slice(text.indexOf('- column')).split('\n').slice(0, 8);
    const criterionKeys = criterionLines.map((l) => l.trim().replace(/^- /, '').split(':')[0]);
    expect(criterionKeys).toEqual(['column', 'attribute', 'category', 'label', 'match', 'in', 'points', 'evidence']);
    expect(stringifyIcp(shuffled)).toBe(stringifyIcp(doc));
  });

  it('uses flow style for short value lists and ranges, block style for long ones', () => {
    const long = Array.from({ length: 12 }, (_, i) => `Industry number ${i}`);
    const criteria: Criterion[] = [
      { ...doc.criteria[0]!, points: 50, match: { in: ['Software', 'Finance'] } },
      { ...doc.criteria[0]!, label: 'long', points: 30, match: { in: long } },
      { ...doc.criteria[0]!, label: 'range', points: 20, match: { range: { min: 51, max: 1000 } } },
    ];
    const text = stringifyIcp({ ...doc, criteria });
    expect(text).toContain('      in: [Software, Finance]\n');
    expect(text).toContain('      in:\n        - Industry number 0\n');
    expect(text).toContain('      range: {min: 51, max: 1000}\n');
  });

  it('round-trips the template byte for byte and value for value', () => {
    const template = icpTemplate(new Date('2026-11-23T12:00:00Z'));
    const text = stringifyIcp(template);
    const back = checkIcpText(text, 'icp.yaml');
    expect(back.problems).toEqual([]);
    expect(back.doc).toEqual(template);
    expect(stringifyIcp(back.doc!)).toBe(text);
  });

  it('round-trips any valid document, including tiny p-values and awkward strings', () => {
    fc.assert(
      fc.property(icpDocumentArb, (original) => {
        const text = stringifyIcp(original);
        const back = checkIcpText(text, 'icp.yaml');
        expect(back.problems).toEqual([]);
        expect(back.doc).toEqual(original);
        expect(stringifyIcp(back.doc!)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});

describe('readIcp and writeIcp', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'icp-yaml-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a valid file', async () => {
    await writeFile(join(dir, 'icp.yaml'), okText);
    expect((await readIcp(join(dir, 'icp.yaml'), 'icp.yaml')).name).toBe('Acme');
  });

  it('names a missing file and says how to make one', async () => {
    const error = await readIcp(join(dir, 'nope.yaml'), 'nope.yaml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IcpError);
    expect(error).toMatchObject({
      message: 'cannot read nope.yaml: no such file or directory',
      hint: 'run "icp derive" to create one, or pass --icp <file>',
    });
  });

  it('quotes the first problem and counts the rest', async () => {
    const text = okText.replace('points: 100', 'points: 12.5').replace('  A: 75', '  A: high');
    await writeFile(join(dir, 'icp.yaml'), text);
    const error = await readIcp(join(dir, 'icp.yaml'), 'icp.yaml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IcpError);
    expect(error).toMatchObject({
      message: `icp.yaml:${lineOf(text, 'points: 12.5')}: criteria[0].points: expected an integer, got 12.5 (and 1 more)`,
      hint: 'run "icp validate icp.yaml" to see every problem',
    });
  });

  it('writes what stringifyIcp gives, refuses to overwrite without force', async () => {
    const path = join(dir, 'icp.yaml');
    const doc = checkIcpText(okText, 'icp.yaml').doc!;
    await writeIcp(path, doc);
    expect(await readFile(path, 'utf8')).toBe(stringifyIcp(doc));
    const error = await writeIcp(path, { ...doc, name: 'Other' }, { displayPath: 'icp.yaml' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      message: 'cannot write icp.yaml: it already exists',
      hint: 'pass --force to overwrite, or -o another file',
    });
    await writeIcp(path, { ...doc, name: 'Other' }, { force: true });
    expect((await readIcp(path)).name).toBe('Other');
  });

  it('refuses to write a document that validate would reject, as that is a bug in the caller', async () => {
    const doc = checkIcpText(okText, 'icp.yaml').doc!;
    const bad = { ...doc, tiers: { A: 10, B: 20, C: 5 } };
    const error = await writeIcp(join(dir, 'bad.yaml'), bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalError);
    await expect(readFile(join(dir, 'bad.yaml'))).rejects.toThrow();
  });
});

// Documents that satisfy the schema and every rule, with strings and numbers chosen to be awkward in YAML.
const awkward = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 12 }),
  // Each of these means something else to YAML when written plain.
  fc.constantFrom('true', 'no', 'null', '~', '0x1F', '1e3', '- a', '#x', 'a: b', '[x]', '"q"', "'", ' lead', 'trail '),
  fc.constantFrom('2026-01-01', '*ref', '&a', '!tag', '%x', '@x', '?', '|', '>', '---', '...', 'a #b', 'x\ny'),
);
const text = awkward.filter((s) => s.trim() !== '');
const num = fc.double({ noNaN: true, noDefaultInfinity: true });
const share = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(1.2e-12, 5e-324, 0, 1));
const values = fc.uniqueArray(text, { minLength: 1, maxLength: 6 });

const matchArb = fc.oneof(
  values.map((v) => ({ in: v })),
  values.map((v) => ({ contains_any: v })),
  fc.boolean().map((b) => ({ equals: b })),
  fc.tuple(num, num).map(([a, b]) => ({ range: { min: Math.min(a, b), max: Math.max(a, b) } })),
  num.map((n) => ({ range: { min: n } })),
  num.map((n) => ({ range: { max: n } })),
);

const evidenceArb = fc.record({
  cohort_count: fc.nat(),
  rest_count: fc.nat(),
  cohort_share: share,
  rest_share: share,
  lift: fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: null }),
  p_value: share,
  q_value: share,
});

const positivePoints = fc
  .uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 5 })
  .map((cuts) => [0, ...cuts.sort((a, b) => a - b), 100])
  .map((edges) => edges.slice(1).map((edge, i) => edge - edges[i]!));
const negativePoints = fc.array(fc.record({ points: fc.integer({ min: -100, max: 0 }), disqualify: fc.option(fc.boolean(), { nil: undefined }) }), {
  maxLength: 2,
});

const criteriaArb = (withEvidence: boolean) =>
  fc.tuple(positivePoints, negativePoints).chain(([positive, negative]) => {
    const scored = [...positive.map((points) => ({ points, disqualify: undefined as boolean | undefined }))];
    scored.push(...negative);
    return fc.tuple(
      ...scored.map(({ points, disqualify }, i) =>
        fc.record({
          column: text,
          attribute: text,
          category: fc.constantFrom(...CRITERION_CATEGORIES),
          label: text.map((l) => `${l} #${i}`),
          match: matchArb,
          points: fc.constant(points),
          disqualify: fc.constant(disqualify),
          evidence: withEvidence ? evidenceArb : fc.option(evidenceArb, { nil: undefined }),
        }),
      ),
    );
  });

const optionScalar = fc.oneof(text, num, fc.boolean(), fc.constant(null));
const icpDocumentArb: fc.Arbitrary<IcpDocument> = fc.constantFrom('ok', 'manual', 'inconclusive').chain((status) =>
  fc.record({
    version: fc.constant(1 as const),
    name: text,
    status: fc.constant(status),
    generated_at: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    source: fc.array(
      fc.record({
        name: text,
        role: fc.option(fc.constantFrom('customers', 'deals', 'leads'), { nil: undefined }),
        rows: fc.nat(),
        sha256: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex')),
      }),
      { maxLength: 3 },
    ),
    cohort: fc.nat().chain((total) =>
      fc.record({
        measure: text,
        rule: text,
        size: fc.integer({ min: 0, max: total }),
        total: fc.constant(total),
        share_of_value: fc.option(share, { nil: null }),
      }),
    ),
    options: fc.option(
      fc.dictionary(
        fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== '__proto__'),
        fc.oneof(optionScalar, fc.array(optionScalar, { maxLength: 3 })),
        { maxKeys: 4, noNullPrototype: true },
      ),
      { nil: undefined },
    ),
    criteria: status === 'inconclusive' ? fc.constant([]) : criteriaArb(status === 'ok'),
    tiers: fc
      .uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 3 })
      .map((xs) => xs.sort((a, b) => b - a))
      .map(([A, B, C]) => ({ A: A!, ...(B !== undefined && { B }), ...(C !== undefined && { C }) })),
    notes: fc.option(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 3 }), { nil: undefined }),
  }),
) as fc.Arbitrary<IcpDocument>;
