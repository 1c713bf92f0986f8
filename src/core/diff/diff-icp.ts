import type { Criterion, IcpDocument, Match } from '../icp/schema.js';
import { describeTiers } from '../icp/tiers.js';
import { categoryKey } from '../score/match.js';

/**
 * Sampling noise, stated so a reader can check it: a range bound that moves by at most a quarter of the
 * old range's width (or of the bound itself, for an open range), and points that move by at most 5 or a
 * quarter of the old points, are shown but are not changes that call for a new ICP.
 */
export const NOISE_RULE =
  'within noise: a range bound moving by at most 25% of the old range width (or of the bound, for an open range), ' +
  'and points moving by at most 5 or 25% of the old points';

export type ChangeKind = 'added' | 'removed' | 'values_changed' | 'range_changed' | 'equals_changed' | 'points_changed';

export interface CriterionChange {
  kind: ChangeKind;
  column: string;
  /** fit (positive points) or anti (negative points): a column may have one of each. */
  direction: 'fit' | 'anti';
  old?: Criterion;
  new?: Criterion;
  /** Values added to / removed from an `in` or `contains_any` set. */
  added_values?: string[];
  removed_values?: string[];
  /** True when the difference is within sampling noise (shown, not drift). */
  within_noise: boolean;
  description: string;
}

export interface IcpDiff {
  changes: CriterionChange[];
  unchanged: string[];
  tiers_changed: boolean;
  /** Each file's thresholds as `A>=75 B>=50 C>=25` (a file may have fewer tiers: `A>=100 B>=40`). */
  tiers: { old: string; new: string };
  status_changed: boolean;
  noise_rule: string;
}

const kindOf = (m: Match) => Object.keys(m)[0] as string;
const keyOf = (c: Criterion) => `${categoryKey(c.column)}|${c.points >= 0 ? 'fit' : 'anti'}|${kindOf(c.match)}`;
const valuesOf = (m: Match): string[] => ('in' in m ? m.in : 'contains_any' in m ? m.contains_any : []);

function rangeWithinNoise(a: { min?: number; max?: number }, b: { min?: number; max?: number }): boolean {
  if ((a.min === undefined) !== (b.min === undefined) || (a.max === undefined) !== (b.max === undefined)) return false;
  const width = a.min !== undefined && a.max !== undefined ? a.max - a.min : undefined;
  const close = (x?: number, y?: number) => {
    if (x === undefined || y === undefined) return true;
    const scale = width ?? Math.abs(x);
    return Math.abs(x - y) <= 0.25 * scale;
  };
  return close(a.min, b.min) && close(a.max, b.max);
}

function pointsWithinNoise(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(5, 0.25 * Math.abs(a));
}

/** A criterion in one file only: removed from the old one, or added in the new one. */
function oneSided(kind: 'added' | 'removed', c: Criterion): CriterionChange {
  const side = kind === 'removed' ? { old: c } : { new: c };
  return { kind, column: c.column, direction: c.points >= 0 ? 'fit' : 'anti', ...side, within_noise: false, description: `${kind}: ${c.label}` };
}

function compare(o: Criterion, n: Criterion): CriterionChange[] {
  const base = { column: n.column, direction: n.points >= 0 ? ('fit' as const) : ('anti' as const), old: o, new: n };
  const out: CriterionChange[] = [];
  const om = o.match;
  const nm = n.match;
  if ('range' in om && 'range' in nm) {
    if (om.range.min !== nm.range.min || om.range.max !== nm.range.max) {
      out.push({ ...base, kind: 'range_changed', within_noise: rangeWithinNoise(om.range, nm.range), description: `${o.label} -> ${n.label}` });
    }
  } else if ('equals' in om && 'equals' in nm) {
    if (om.equals !== nm.equals) out.push({ ...base, kind: 'equals_changed', within_noise: false, description: `${o.label} -> ${n.label}` });
  } else {
    const oldSet = new Set(valuesOf(om).map(categoryKey));
    const newSet = new Set(valuesOf(nm).map(categoryKey));
    const added = valuesOf(nm).filter((v) => !oldSet.has(categoryKey(v)));
    const removed = valuesOf(om).filter((v) => !newSet.has(categoryKey(v)));
    if (added.length > 0 || removed.length > 0) {
      const parts = [...(added.length ? [`+ ${added.join(', ')}`] : []), ...(removed.length ? [`- ${removed.join(', ')}`] : [])];
      out.push({
        ...base,
        kind: 'values_changed',
        added_values: added,
        removed_values: removed,
        within_noise: false,
        description: `${n.column}: ${parts.join('; ')}`,
      });
    }
  }
  if (o.points !== n.points) {
    out.push({
      ...base,
      kind: 'points_changed',
      within_noise: pointsWithinNoise(o.points, n.points),
      description: `${n.label}: ${o.points} -> ${n.points} points`,
    });
  }
  return out;
}

/** Compares two ICPs criterion by criterion (matched on column, direction and match kind). */
export function diffIcp(oldDoc: IcpDocument, newDoc: IcpDocument): IcpDiff {
  const oldBy = new Map(oldDoc.criteria.map((c) => [keyOf(c), c]));
  const newBy = new Map(newDoc.criteria.map((c) => [keyOf(c), c]));
  const changes: CriterionChange[] = [];
  const unchanged: string[] = [];
  for (const [key, o] of oldBy) {
    const n = newBy.get(key);
    if (!n) {
      changes.push(oneSided('removed', o));
      continue;
    }
    const found = compare(o, n);
    if (found.length === 0) unchanged.push(n.label);
    changes.push(...found);
  }
  for (const [key, n] of newBy) {
    if (!oldBy.has(key)) changes.push(oneSided('added', n));
  }
  const [oldTiers, newTiers] = [describeTiers(oldDoc.tiers), describeTiers(newDoc.tiers)];
  return {
    changes,
    unchanged,
    tiers_changed: oldTiers !== newTiers,
    tiers: { old: oldTiers, new: newTiers },
    status_changed: oldDoc.status !== newDoc.status,
    noise_rule: NOISE_RULE,
  };
}

/** The changes that mean the ICP itself moved: a criterion added or removed, or a categorical value set changed. */
export function structuralChanges(diff: IcpDiff): CriterionChange[] {
  return diff.changes.filter((c) => c.kind === 'added' || c.kind === 'removed' || c.kind === 'values_changed' || c.kind === 'equals_changed');
}
