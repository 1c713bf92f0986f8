/**
 * A Map from join keys (as normalizeKey gives them) in which whole-number keys, the ids of most CRMs, are
 * held as numbers: among 100,000 customers a number is found faster than a string. `0` and digits without
 * a leading zero, up to 15 of them, are numbers; `007` stays a string, so no two keys meet that did not.
 */
export class KeyMap<V> {
  private readonly numbers = new Map<number, V>();
  private readonly strings = new Map<string, V>();

  get(key: string): V | undefined {
    const n = asNumber(key);
    return n === undefined ? this.strings.get(key) : this.numbers.get(n);
  }

  has(key: string): boolean {
    const n = asNumber(key);
    return n === undefined ? this.strings.has(key) : this.numbers.has(n);
  }

  set(key: string, value: V): this {
    const n = asNumber(key);
    if (n === undefined) this.strings.set(key, value);
    else this.numbers.set(n, value);
    return this;
  }
}

function asNumber(key: string): number | undefined {
  const length = key.length;
  if (length === 0 || length > 15) return undefined;
  const first = key.charCodeAt(0);
  if (first < 0x31 || first > 0x39) return length === 1 && first === 0x30 ? 0 : undefined;
  for (let i = 1; i < length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  return Number(key);
}
