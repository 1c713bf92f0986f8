import { memoize } from '../memoize.js';
import { columnCell, columnOf, rowCount } from '../column-table.js';
import type { Table } from '../table.js';
import { customerKey } from './customers.js';
import { KeyMap } from './key-map.js';
import { normalizeKey } from './keys.js';

// The key cells a DealJoin compares: of the customers (as KeyMaps and key sets) and of the deals' sample.

/**
 * Whether most key cells of the sample change under normalizeKey (names do: case, spaces): only then is
 * remembering its answers cheaper than computing them; ids come as they are compared.
 */
export function keysNeedWork(sample: readonly string[][], column: number): boolean {
  let changed = 0;
  for (const row of sample) {
    const raw = row[column];
    if (raw !== undefined && normalizeKey(raw) !== raw) changed++;
  }
  return changed * 2 > sample.length;
}

/** The keys groupCustomers gives the customers when grouped by `column`, without building the records. */
export function groupKeys(customers: Table, column: number): Set<string> {
  const keys = new Set<string>();
  const normalize = memoize(normalizeKey);
  const cells = columnOf(customers, column);
  for (let index = 0; index < rowCount(customers); index++) keys.add(customerKey(columnCell(cells, index) ?? '', index, normalize));
  return keys;
}

/** True when the two hold the same keys. */
export function sameKeys(keys: KeyMap<true>, customerKeys: ReadonlySet<string>): boolean {
  let size = 0;
  for (const key of customerKeys) {
    if (!keys.has(key)) return false;
    size++;
  }
  return size === keys.size;
}

/** keySet of a customers column as a KeyMap, with normalizeKey remembered for values that repeat (names). */
export function keyMap(customers: Table, column: number): KeyMap<true> {
  const map = new KeyMap<true>();
  const normalize = memoize(normalizeKey);
  // Each distinct cell once: a key repeated on many rows is set once.
  for (const raw of columnOf(customers, column).values) {
    const key = raw === undefined ? '' : normalize(raw);
    if (key !== '') map.set(key, true);
  }
  return map;
}
