/**
 * A Map from join keys (as normalizeKey gives them) in which whole-number keys, the ids of most CRMs, are
 * held as numbers: among 100,000 customers a number is found faster than a string. `0` and digits without
 * a leading zero, up to 15 of them, are numbers; `007` stays a string, so no two keys meet that did not.
 * Ids handed out in sequence (18000000, 18000001, ...) go further, into an array indexed from the first
 * one: a look-up is then an index, not a hash.
 */
export class KeyMap<V> {
  private readonly numbers = new Map<number, V>();
  private readonly strings = new Map<string, V>();
  /** Values of the numbers base, base + 1, ...; undefined where a number is not here (it may be in `numbers`). */
  private readonly dense: (V | undefined)[] = [];
  private base = -1;
  private denseCount = 0;

  get size(): number {
    return this.numbers.size + this.strings.size + this.denseCount;
  }

  get(key: string): V | undefined {
    const n = asNumber(key);
    if (n === undefined) return this.strings.get(key);
    const i = n - this.base;
    if (i >= 0 && i < this.dense.length) {
      const value = this.dense[i];
      if (value !== undefined) return value;
    }
    return this.numbers.get(n);
  }

  has(key: string): boolean {
    const n = asNumber(key);
    if (n === undefined) return this.strings.has(key);
    const i = n - this.base;
    if (i >= 0 && i < this.dense.length && this.dense[i] !== undefined) return true;
    return this.numbers.has(n);
  }

  set(key: string, value: V): this {
    const n = asNumber(key);
    if (n === undefined) {
      this.strings.set(key, value);
      return this;
    }
    if (this.base < 0 && value !== undefined) this.base = n;
    const i = n - this.base;
    const dense = this.dense;
    if (i >= 0 && value !== undefined) {
      if (i < dense.length && dense[i] !== undefined) {
        dense[i] = value;
        return this;
      }
      // A number not in the map goes into the array while the array stays dense: it grows by at most its
      // length again (ids out of sequence stay in the map).
      if (i <= 2 * dense.length + 1024 && !this.numbers.has(n)) {
        while (dense.length <= i) dense.push(undefined);
        dense[i] = value;
        this.denseCount++;
        return this;
      }
    }
    if (i >= 0 && i < dense.length && dense[i] !== undefined) {
      // An undefined value for a number in the array: it moves to the map, one place per number.
      dense[i] = undefined;
      this.denseCount--;
    }
    this.numbers.set(n, value);
    return this;
  }
}

function asNumber(key: string): number | undefined {
  const length = key.length;
  if (length === 0 || length > 15) return undefined;
  const first = key.charCodeAt(0) - 48;
  if (first < 1 || first > 9) return length === 1 && first === 0 ? 0 : undefined;
  // Fifteen digits stay below 2^53, so the sum is exact.
  let n = first;
  for (let i = 1; i < length; i++) {
    const digit = key.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    n = n * 10 + digit;
  }
  return n;
}
