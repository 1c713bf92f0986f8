import { icpDocumentSchema, schemaProblems, type Criterion, type IcpDocument, type PathProblem } from './schema.js';

/** Semantic rules the schema cannot express; every broken rule is one problem, none stop the others. */
export function checkIcpRules(doc: IcpDocument): PathProblem[] {
  return [...checkStatus(doc), ...checkPoints(doc), ...doc.criteria.flatMap(checkCriterion), ...checkLabels(doc), ...checkTiers(doc), ...checkCohort(doc)];
}

/** Schema first, then the semantic rules; the document is returned only when there is no problem. */
export function validateIcp(value: unknown): { doc?: IcpDocument; problems: PathProblem[] } {
  const problems = schemaProblems(value);
  if (problems.length > 0) return { problems };
  const doc = icpDocumentSchema.parse(value);
  const ruleProblems = checkIcpRules(doc);
  return ruleProblems.length > 0 ? { problems: ruleProblems } : { doc, problems: [] };
}

function checkStatus(doc: IcpDocument): PathProblem[] {
  const problems: PathProblem[] = [];
  if (doc.status === 'inconclusive' && doc.criteria.length > 0) {
    const message = 'an inconclusive ICP has no criteria; remove them, or set status: manual to use criteria written by hand';
    problems.push({ path: ['criteria'], message });
  }
  if (doc.status === 'ok') {
    if (doc.criteria.length === 0) {
      const message = 'status ok needs at least one criterion (status inconclusive has none)';
      problems.push({ path: ['criteria'], message });
    }
    doc.criteria.forEach((criterion, i) => {
      // "ok" is a claim that the data backs every criterion; a hand-added one makes the file manual.
      if (criterion.evidence === undefined) {
        problems.push({
          path: ['criteria', i],
          message: 'status ok needs evidence on every criterion; set status: manual for criteria written by hand',
        });
      }
    });
  }
  return problems;
}

function checkPoints(doc: IcpDocument): PathProblem[] {
  if (doc.status === 'inconclusive') return [];
  const positive = doc.criteria.filter((c) => c.points > 0);
  const sum = positive.reduce((total, c) => total + c.points, 0);
  if (positive.length === 0 || sum === 100) return [];
  // One addend would read "but 60 = 60": name the criterion instead.
  const but =
    positive.length === 1
      ? `the only positive criterion, ${JSON.stringify((positive[0] as Criterion).label)}, has ${sum}`
      : `${positive.map((c) => String(c.points)).join(' + ')} = ${sum}`;
  return [{ path: ['criteria'], message: `positive points must add up to 100, but ${but}` }];
}

function checkCriterion(criterion: Criterion, i: number): PathProblem[] {
  const problems: PathProblem[] = [];
  const at = (...rest: (string | number)[]) => ['criteria', i, ...rest];
  if (criterion.disqualify === true && criterion.points > 0) {
    const message = 'disqualify is for anti-fit criteria: give it 0 or negative points';
    problems.push({ path: at('disqualify'), message });
  }
  const match = criterion.match;
  if ('range' in match) {
    const { min, max } = match.range;
    if (min === undefined && max === undefined) {
      problems.push({ path: at('match', 'range'), message: 'a range needs min, max or both' });
    } else if (min !== undefined && max !== undefined && min > max) {
      problems.push({ path: at('match', 'range'), message: `min (${min}) is greater than max (${max})` });
    }
  } else if ('in' in match || 'contains_any' in match) {
    const [kind, values] = 'in' in match ? ['in', match.in] : ['contains_any', match.contains_any];
    // A loop, not push(...list): a list of 100,000 values can have as many problems, too many arguments.
    for (const problem of checkValueList(values, at('match', kind))) problems.push(problem);
  }
  return problems;
}

function checkValueList(values: string[], path: (string | number)[]): PathProblem[] {
  if (values.length === 0) return [{ path, message: 'needs at least one value' }];
  const problems: PathProblem[] = [];
  const seen = new Set<string>();
  values.forEach((value, j) => {
    if (value.trim() === '') {
      problems.push({ path: [...path, j], message: 'an empty value never matches: a missing value is unknown' });
    } else if (seen.has(value)) {
      problems.push({ path: [...path, j], message: `"${value}" is listed twice` });
    }
    seen.add(value);
  });
  return problems;
}

function checkLabels(doc: IcpDocument): PathProblem[] {
  const first = new Map<string, number>();
  const problems: PathProblem[] = [];
  doc.criteria.forEach((criterion, i) => {
    const earlier = first.get(criterion.label);
    if (earlier === undefined) first.set(criterion.label, i);
    else {
      const message = `same label as criteria[${earlier}]; labels tell criteria apart in reports`;
      problems.push({ path: ['criteria', i, 'label'], message });
    }
  });
  return problems;
}

function checkTiers(doc: IcpDocument): PathProblem[] {
  const { A, B, C } = doc.tiers;
  const problems: PathProblem[] = [];
  if (B !== undefined && B >= A) problems.push({ path: ['tiers', 'B'], message: `tiers must decrease: B (${B}) must be below A (${A})` });
  if (C !== undefined && B === undefined) {
    const message = `C (${C}) needs a B between A (${A}) and C: add B, or remove C (a file may have A; A and B; or A, B and C)`;
    problems.push({ path: ['tiers', 'C'], message });
  } else if (C !== undefined && B !== undefined && C >= B) {
    problems.push({ path: ['tiers', 'C'], message: `tiers must decrease: C (${C}) must be below B (${B})` });
  }
  return problems;
}

function checkCohort(doc: IcpDocument): PathProblem[] {
  const { size, total } = doc.cohort;
  if (size <= total) return [];
  return [{ path: ['cohort', 'size'], message: `the cohort (${size}) cannot be larger than the total (${total})` }];
}
