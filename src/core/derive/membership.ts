import type { Match } from '../icp/schema.js';
import { categoryKey } from '../score/match.js';
import type { EncodedColumn } from './encode.js';

// Memberships are over every customer, so the same match found again on another sample (a fold, a
// half-sample) is computed once. Bounded per column: a long search must not hold every set it tried.
const cache = new WeakMap<EncodedColumn, Map<string, Int8Array>>();
const CACHED_PER_COLUMN = 64;
// ... and to this many bytes: at a million customers each membership is a megabyte, and 64 of them for each
// of forty columns would be 2.5 GB of cache.
const CACHED_BYTES_PER_COLUMN = 4 * 2 ** 20;

/**
 * Membership of every customer in a match over the encoded column: 1 matches, 0 does not, -1 unknown.
 * Equal to what the scorer's matcher gives on the same cells. Shared between callers: never change it.
 */
export function membership(column: EncodedColumn, match: Match): Int8Array {
  let byMatch = cache.get(column);
  if (!byMatch) cache.set(column, (byMatch = new Map()));
  const key = JSON.stringify(match);
  let out = byMatch.get(key);
  if (!out) {
    out = computeMembership(column, match);
    const room = Math.max(1, Math.min(CACHED_PER_COLUMN, Math.floor(CACHED_BYTES_PER_COLUMN / Math.max(1, out.length))));
    while (byMatch.size >= room) byMatch.delete(byMatch.keys().next().value as string);
    byMatch.set(key, out);
  }
  return out;
}

function computeMembership(column: EncodedColumn, match: Match): Int8Array {
  switch (column.kind) {
    case 'category': {
      const wanted = codeFlags(column.names, 'in' in match ? match.in : []);
      const out = new Int8Array(column.codes.length);
      for (let i = 0; i < out.length; i++) {
        const c = column.codes[i] as number;
        out[i] = c < 0 ? -1 : (wanted[c] as number);
      }
      return out;
    }
    case 'multi': {
      const wanted = codeFlags(column.names, 'contains_any' in match ? match.contains_any : []);
      const out = new Int8Array(column.offsets.length - 1);
      for (let i = 0; i < out.length; i++) {
        const from = column.offsets[i] as number;
        const to = column.offsets[i + 1] as number;
        if (column.tokens[from] === -1) {
          out[i] = -1;
          continue;
        }
        let hit = 0;
        for (let k = from; k < to && hit === 0; k++) hit = wanted[column.tokens[k] as number] as number;
        out[i] = hit;
      }
      return out;
    }
    case 'numeric': {
      const range = 'range' in match ? match.range : {};
      const lo = range.min ?? -Infinity;
      const hi = range.max ?? Infinity;
      const out = new Int8Array(column.numbers.length);
      for (let i = 0; i < out.length; i++) {
        const n = column.numbers[i] as number;
        out[i] = Number.isNaN(n) ? -1 : n >= lo && n <= hi ? 1 : 0;
      }
      return out;
    }
    case 'boolean': {
      const equals = 'equals' in match ? (match.equals ? 1 : 0) : 1;
      const out = new Int8Array(column.flags.length);
      for (let i = 0; i < out.length; i++) {
        const f = column.flags[i] as number;
        out[i] = f < 0 ? -1 : f === equals ? 1 : 0;
      }
      return out;
    }
  }
}

/** 1 for each code whose name is one of `values` (compared as categories are), 0 otherwise. */
function codeFlags(names: readonly string[], values: readonly string[]): Uint8Array {
  const keys = new Set(values.map(categoryKey));
  return Uint8Array.from(names, (name) => (keys.has(categoryKey(name)) ? 1 : 0));
}
