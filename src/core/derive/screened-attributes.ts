import type { ColumnInfo } from '../columns/infer.js';
import type { CustomerRecord } from '../profile/customers.js';
import { attributeColumns, resolveList } from './attributes.js';
import type { Ranked } from './cohort.js';
import type { DeriveInput } from './derive-types.js';
import type { EncodedColumn } from './encode.js';
import { LeakageScreen, type LeakageSuspect } from './leakage.js';
import type { Measure } from './measure.js';
import { DERIVE_SEED } from './derive-seed.js';
import { readAttributes } from './read-attributes.js';

export interface ScreenedAttributes {
  /** The columns the engine mines, encoded. */
  encoded: Map<number, EncodedColumn>;
  missingNotes: Map<number, string[]>;
  /** Columns the leakage screen suspected, with whether --allow kept them. */
  leakage: (LeakageSuspect & { allowed: boolean })[];
  skipped: { header: string; why: string }[];
  /** The mined columns, in file order. */
  included: number[];
}

/**
 * The attribute columns derive mines: those --attributes/--exclude leave, read and encoded, less the ones
 * the leakage screen suspects (it runs before the engine: a suspect is not mined unless --allow keeps it).
 */
export function screenedAttributes(
  input: DeriveInput,
  columns: readonly ColumnInfo[],
  customers: readonly CustomerRecord[],
  measure: Measure,
  ranked: Ranked,
  joinColumn: number | undefined,
): ScreenedAttributes {
  const { customers: table, options } = input;
  const valueColumns = [measure.column, joinColumn].filter((c): c is number => c !== null && c !== undefined);
  const attributes = attributeColumns(columns, table.name, { attributes: options.attributes, exclude: options.exclude, valueColumns });
  const { skipped } = attributes;
  const allowed = new Set(resolveList(options.allow ?? [], table.header, 'allow', table.name));
  const screenValue = measure.kind === 'value' && measure.column !== null ? { label: measure.label, values: measure.values } : undefined;
  const screen = new LeakageScreen(ranked.cohort, options.seed ?? DERIVE_SEED, screenValue);
  const cohortName = measure.kind === 'value' ? 'the best customers' : 'the positive records';
  const { encoded, missingNotes } = readAttributes(attributes.included, columns, customers, ranked.cohort, screen, cohortName, table);
  const leakage = screen.suspects().map((s) => ({ ...s, allowed: allowed.has(s.index) }));
  for (const s of leakage) {
    if (s.allowed) continue;
    encoded.delete(s.index);
    skipped.push({ header: s.header, why: `possible leakage (${s.evidence.join('; ')})` });
  }
  return { encoded, missingNotes, leakage, skipped, included: attributes.included.filter((i) => encoded.has(i)) };
}
