/**
 * Runs `fn` while recording the most arguments any call of Array#push/unshift, Math.max/min or
 * String.fromCharCode received: the calls a spread (or `.apply`) of a whole array turns into, which overflow
 * the stack ("Maximum call stack size exceeded") somewhere above 100,000 arguments.
 */
export function largestSpread<T>(fn: () => T): { result: T; largest: number } {
  let largest = 0;
  const targets: [object, string][] = [
    [Array.prototype, 'push'],
    [Array.prototype, 'unshift'],
    [Math, 'max'],
    [Math, 'min'],
    [String, 'fromCharCode'],
  ];
  const originals = targets.map(([owner, name]) => (owner as Record<string, (...a: unknown[]) => unknown>)[name] as (...a: unknown[]) => unknown);
  targets.forEach(([owner, name], i) => {
    const original = originals[i] as (...a: unknown[]) => unknown;
    (owner as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      if (args.length > largest) largest = args.length;
      return original.apply(this, args);
    };
  });
  try {
    return { result: fn(), largest };
  } finally {
    targets.forEach(([owner, name], i) => {
      (owner as Record<string, unknown>)[name] = originals[i];
    });
  }
}
