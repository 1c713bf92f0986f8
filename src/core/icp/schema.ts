import { z } from 'zod';
import { personasSectionSchema } from './persona-schema.js';

/** The only document version this build reads and writes. */
export const ICP_VERSION = 1;

export const CRITERION_CATEGORIES = ['firmographic', 'technographic', 'behavioral', 'needs', 'value', 'fit', 'other'] as const;

export const ICP_STATUSES = ['ok', 'inconclusive', 'manual'] as const;

export const SOURCE_ROLES = ['customers', 'deals', 'leads'] as const;

/** The four match kinds, in the order the docs list them; a match has exactly one of these keys. */
export const MATCH_KINDS = ['in', 'range', 'contains_any', 'equals'] as const;

const text = z.string().min(1);
const share = z.number().min(0).max(1);

export const sourceSchema = z.strictObject({
  name: text,
  role: z.enum(SOURCE_ROLES).optional(),
  rows: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/i, { error: 'expected a SHA-256 digest (64 hexadecimal characters)' }),
  /** Bottom-k sketch of the customers' keys (profile/key-signature.ts): tells a later report its rows built the ICP. */
  keys: z.strictObject({ count: z.number().int().min(0), sketch: z.string() }).optional(),
});

export const cohortSchema = z.strictObject({
  measure: text,
  rule: text,
  size: z.number().int().min(0),
  total: z.number().int().min(0),
  share_of_value: share.nullable(),
  /** What a record of the mined file is: `leads` for a lead list, `records` when no column is a key. */
  unit: z.enum(['customers', 'leads', 'records']).optional(),
});

// Emptiness, duplicates and min <= max are judged in check.ts, so that they are reported with the
// same wording whether the file was written by hand or by derive.
export const matchSchema = z.union([
  z.strictObject({ in: z.array(z.string()) }),
  z.strictObject({
    range: z.strictObject({ min: z.number().optional(), max: z.number().optional() }),
  }),
  z.strictObject({ contains_any: z.array(z.string()) }),
  z.strictObject({ equals: z.boolean() }),
]);

export const evidenceSchema = z.strictObject({
  cohort_count: z.number().int().min(0),
  rest_count: z.number().int().min(0),
  cohort_share: share,
  rest_share: share,
  /** null when the rest has no row with the value, so the ratio is undefined. */
  lift: z.number().min(0).nullable(),
  p_value: share,
  q_value: share,
  /**
   * How p_value was obtained: `exact` (Fisher's test of one value, token or yes/no as tested; its q_value pays for the multiple testing), `nominal` (Fisher's test of a set on the data
   * that chose it: not valid evidence on its own, q_value is), `bonferroni` (an interval's best test times the
   * intervals tried), `permutation` (the selection re-run on permuted labels).
   */
  p_kind: z.enum(['exact', 'nominal', 'bonferroni', 'permutation']).optional(),
  /** Share of half-samples whose derive selected this column with an overlapping set or range. */
  stability: share.optional(),
});

/** The out-of-sample check saved with the ICP: cross-validated AUC and tier A's share out of fold, or why it was skipped. */
export const validationSchema = z.strictObject({
  method: text,
  folds: z.number().int().min(2).optional(),
  auc: share.nullable().optional(),
  auc_se: z.number().min(0).nullable().optional(),
  folds_with_criteria: z.number().int().min(0).optional(),
  tier_a_share_of_customers: share.nullable().optional(),
  tier_a_share_of_value: share.nullable().optional(),
  skipped: text.optional(),
});

export const criterionSchema = z.strictObject({
  column: text,
  attribute: text,
  category: z.enum(CRITERION_CATEGORIES),
  label: text,
  match: matchSchema,
  points: z.number().int().min(-100).max(100),
  disqualify: z.boolean().optional(),
  evidence: evidenceSchema.optional(),
});

const tierPoints = z.number().int().min(0).max(100);
// A is required; B and C may be left out when the scores take too few values for three tiers (C only
// with B, and the thresholds decreasing, are judged in check.ts).
export const tiersSchema = z.strictObject({ A: tierPoints, B: tierPoints.optional(), C: tierPoints.optional() });

const optionScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const optionsSchema = z.record(z.string(), z.union([optionScalar, z.array(optionScalar)]));

export const icpDocumentSchema = z.strictObject({
  version: z.literal(ICP_VERSION),
  name: text,
  status: z.enum(ICP_STATUSES),
  generated_at: z.iso.datetime({
    offset: true,
    error: 'expected an ISO timestamp such as 2026-05-01T09:30:00Z',
  }),
  source: z.array(sourceSchema),
  cohort: cohortSchema,
  options: optionsSchema.optional(),
  criteria: z.array(criterionSchema),
  tiers: tiersSchema,
  validation: validationSchema.optional(),
  /** Buyer personas from a contacts export (derive --contacts); an ICP without them stays valid. */
  personas: personasSectionSchema.optional(),
  notes: z.array(z.string()).optional(),
});

export type IcpDocument = z.infer<typeof icpDocumentSchema>;
export type IcpSource = z.infer<typeof sourceSchema>;
export type Cohort = z.infer<typeof cohortSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Match = z.infer<typeof matchSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type ValidationRecord = z.infer<typeof validationSchema>;
export type Tiers = z.infer<typeof tiersSchema>;
export type IcpStatus = z.infer<typeof icpDocumentSchema>['status'];
export type CriterionCategory = z.infer<typeof criterionSchema>['category'];
export type IcpOptions = z.infer<typeof optionsSchema>;

/** A problem found in a document, located by its path of keys and indexes (e.g. criteria, 2, points). */
export interface PathProblem {
  path: (string | number)[];
  message: string;
}

/** Runs the zod schema and turns its issues into short messages a person editing YAML can act on. */
export function schemaProblems(value: unknown): PathProblem[] {
  const result = icpDocumentSchema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => describeIssue(issue, value, []));
}

function describeIssue(issue: z.core.$ZodIssue, root: unknown, base: (string | number)[]): PathProblem[] {
  const path = [...base, ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))];
  const actual = valueAt(root, path);
  const got = describeGot(actual);
  switch (issue.code) {
    case 'invalid_type':
      if (actual === undefined) return [{ path, message: 'is required' }];
      return [{ path, message: `expected ${expectedName(issue.expected)}${got}` }];
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      const expected = allowed.length === 1 ? allowed[0] : `one of ${allowed.join(', ')}`;
      return [{ path, message: `expected ${expected}${got}` }];
    }
    case 'too_small':
      if (issue.origin === 'string') return [{ path, message: 'must not be empty' }];
      return [{ path, message: `must be at least ${String(issue.minimum)}${got}` }];
    case 'too_big':
      return [{ path, message: `must be at most ${String(issue.maximum)}${got}` }];
    case 'invalid_format':
      return [{ path, message: `${issue.message}${got}` }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], message: `unknown key "${key}"` }));
    case 'invalid_union':
      return describeUnion(issue, actual, root, path);
    default:
      return [{ path, message: issue.message }];
  }
}

// zod reports a failed union as "Invalid input"; for a match, the key the user wrote says which kind
// they meant, so report that kind's own issues instead.
function describeUnion(issue: z.core.$ZodIssueInvalidUnion, actual: unknown, root: unknown, path: (string | number)[]): PathProblem[] {
  if (path[path.length - 1] !== 'match' || path[0] !== 'criteria') {
    return [{ path, message: `expected text, a number, true/false, null or a list of those${describeGot(actual)}` }];
  }
  const kinds = MATCH_KINDS.join(', ');
  if (!isPlainObject(actual)) {
    return [{ path, message: `expected a mapping with one of ${kinds}${describeGot(actual)}` }];
  }
  const present = MATCH_KINDS.filter((kind) => kind in actual);
  const [kind] = present;
  const branch = kind === undefined ? undefined : issue.errors[MATCH_KINDS.indexOf(kind)];
  if (present.length !== 1 || branch === undefined) {
    const found = present.length === 0 ? Object.keys(actual).join(', ') || 'nothing' : present.join(' and ');
    return [{ path, message: `needs exactly one of ${kinds} (found ${found})` }];
  }
  return branch.flatMap((sub) => describeIssue(sub, root, path));
}

function describeGot(actual: unknown): string {
  return `, got ${describeValue(actual)}`;
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let node = root;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isPlainObject(node)) node = Object.hasOwn(node, key) ? node[key] : undefined;
    else return undefined;
  }
  return node;
}

function isPlainObject(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expectedName(expected: string): string {
  const names: Record<string, string> = {
    int: 'an integer',
    number: 'a number',
    string: 'text',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping (key: value lines)',
    null: 'null',
  };
  return names[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string') return value.length > 40 ? `text "${value.slice(0, 37)}..."` : `text "${value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
