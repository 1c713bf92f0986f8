import { describe, expect, it } from 'vitest';
import { icpDocumentSchema, schemaProblems } from '../../../src/core/icp/schema.js';
import { icpTemplate } from '../../../src/core/icp/template.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests break the document in every way the schema must catch
const base = () => structuredClone(icpTemplate(new Date('2026-05-01T09:30:00Z'))) as Record<string, any>;

describe('schemaProblems', () => {
  it('accepts the template and returns no problem', () => {
    expect(schemaProblems(base())).toEqual([]);
    expect(icpDocumentSchema.safeParse(base()).success).toBe(true);
  });

  it('names a wrong type with the value that was found', () => {
    const doc = base();
    doc.criteria[2].points = 12.5;
    doc.tiers.A = 'high';
    expect(schemaProblems(doc)).toEqual([
      { path: ['criteria', 2, 'points'], message: 'expected an integer, got 12.5' },
      { path: ['tiers', 'A'], message: 'expected a number, got text "high"' },
    ]);
  });

  it('requires tier A but not B or C, and still checks the type of those written', () => {
    const onlyA = base();
    onlyA.tiers = { A: 80 };
    expect(schemaProblems(onlyA)).toEqual([]);
    const none = base();
    none.tiers = { B: 50 };
    expect(schemaProblems(none)).toEqual([{ path: ['tiers', 'A'], message: 'is required' }]);
    const typo = base();
    typo.tiers = { A: 80, B: 'half', D: 10 };
    expect(schemaProblems(typo)).toEqual([
      { path: ['tiers', 'B'], message: 'expected a number, got text "half"' },
      { path: ['tiers', 'D'], message: 'unknown key "D"' },
    ]);
  });

  it('reports a missing key as required and an unknown key on its own path', () => {
    const doc = base();
    delete doc.criteria[0].label;
    doc.criteria[0].lable = 'typo';
    expect(schemaProblems(doc)).toEqual([
      { path: ['criteria', 0, 'label'], message: 'is required' },
      { path: ['criteria', 0, 'lable'], message: 'unknown key "lable"' },
    ]);
  });

  it('lists the allowed values of an enum and the version literal', () => {
    const doc = base();
    doc.status = 'draft';
    doc.version = 2;
    expect(schemaProblems(doc)).toEqual([
      { path: ['version'], message: 'expected 1, got 2' },
      { path: ['status'], message: 'expected one of ok, inconclusive, manual, got text "draft"' },
    ]);
  });

  it('reports the issues of the match kind that was written, not a bare "invalid input"', () => {
    const doc = base();
    doc.criteria[0].match = { in: 'Software' };
    doc.criteria[1].match = { range: { min: '10' } };
    doc.criteria[2].match = { in: ['a'], equals: true };
    doc.criteria[3].match = { one_of: ['a'] };
    doc.criteria[4].match = 'Software';
    expect(schemaProblems(doc)).toEqual([
      { path: ['criteria', 0, 'match', 'in'], message: 'expected a list, got text "Software"' },
      { path: ['criteria', 1, 'match', 'range', 'min'], message: 'expected a number, got text "10"' },
      {
        path: ['criteria', 2, 'match'],
        message: 'needs exactly one of in, range, contains_any, equals (found in and equals)',
      },
      { path: ['criteria', 3, 'match'], message: 'needs exactly one of in, range, contains_any, equals (found one_of)' },
      {
        path: ['criteria', 4, 'match'],
        message: 'expected a mapping with one of in, range, contains_any, equals, got text "Software"',
      },
    ]);
  });

  it('checks formats: timestamp, sha256, shares between 0 and 1, empty text', () => {
    const doc = base();
    doc.generated_at = 'yesterday';
    doc.source = [{ name: 'a.csv', rows: 3, sha256: 'abc' }];
    doc.cohort.share_of_value = 1.5;
    doc.name = '';
    expect(schemaProblems(doc)).toEqual([
      { path: ['name'], message: 'must not be empty' },
      { path: ['generated_at'], message: 'expected an ISO timestamp such as 2026-05-01T09:30:00Z, got text "yesterday"' },
      { path: ['source', 0, 'sha256'], message: 'expected a SHA-256 digest (64 hexadecimal characters), got text "abc"' },
      { path: ['cohort', 'share_of_value'], message: 'must be at most 1, got 1.5' },
    ]);
  });

  it('accepts options of scalars and lists, and rejects nested mappings there', () => {
    const doc = base();
    doc.options = { top: 0.2, alpha: 0.05, value: 'Amount', since: null, exclude: ['a', 1], strict: true };
    expect(schemaProblems(doc)).toEqual([]);
    doc.options.nested = { a: 1 };
    expect(schemaProblems(doc)).toEqual([
      {
        path: ['options', 'nested'],
        message: 'expected text, a number, true/false, null or a list of those, got a mapping',
      },
    ]);
  });

  it('describes a document that is not a mapping at all', () => {
    expect(schemaProblems(['a'])).toEqual([{ path: [], message: 'expected a mapping (key: value lines), got a list' }]);
  });
});
