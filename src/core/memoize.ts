/**
 * `fn` (which never returns undefined) with its answers kept per argument, for cells whose values repeat (industries, countries, tech
 * stacks): at most `limit` kept, and none once most of the first `trial` look-ups missed (values that
 * rarely repeat, such as revenues, are cheaper to compute again than to keep).
 */
export function memoize<T>(fn: (raw: string) => T, limit = 65_536, trial = 20_000): (raw: string) => T {
  let memo: Map<string, T> | undefined = new Map();
  let lookups = 0;
  let hits = 0;
  return (raw) => {
    if (memo === undefined) return fn(raw);
    lookups++;
    const known = memo.get(raw);
    if (known !== undefined) {
      hits++;
      return known;
    }
    const value = fn(raw);
    if (memo.size < limit) memo.set(raw, value);
    if (lookups === trial && hits * 2 < trial) memo = undefined;
    return value;
  };
}

/** `make` with each key's answer kept, however many keys: for a handful of keys, such as column indexes. */
export function onceEach<K, T>(make: (key: K) => T): (key: K) => T {
  const made = new Map<K, T>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key) as T;
  };
}
