/** Share of non-missing cells reading like outcomes at or above which a column is suspect. */
export const LEAK_WORD_SHARE = 0.2;

// Longer phrases first: the earliest, longest match names the cell.
const OUTCOME_WORDS = /\b(will revert|lost to|closed by|closed won|closed lost|won|lost|closed|converted|churned|reverted|revert|signed|cancell?ed|ringing)\b/i;

/**
 * The outcome words of a text column when at least LEAK_WORD_SHARE of its cells use them, commonest first.
 * `counts[i]`: the cells holding values[i] (distinct values, first held first); 1 each when not given.
 */
export function outcomeWords(values: readonly unknown[], counts?: ArrayLike<number>): string[] | undefined {
  let cells = 0;
  let hits = 0;
  const seen = new Map<string, { shown: string; n: number }>();
  // A column repeats its values: each distinct text is matched once (bounded, for free-text columns).
  const matched = new Map<string, string | null>();
  const wordOf = (text: string): string | null => {
    let word = matched.get(text);
    if (word === undefined) {
      word = OUTCOME_WORDS.exec(text)?.[1] ?? null;
      if (matched.size < 65_536) matched.set(text, word);
    }
    return word;
  };
  values.forEach((v, i) => {
    if (v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean') return;
    const text = Array.isArray(v) ? v.join('; ') : String(v);
    if (text.trim() === '') return;
    const n = counts ? (counts[i] as number) : 1;
    cells += n;
    const word = wordOf(text);
    if (word === null) return;
    hits += n;
    const key = word.toLowerCase();
    const entry = seen.get(key) ?? { shown: word, n: 0 };
    entry.n += n;
    seen.set(key, entry);
  });
  if (cells === 0 || hits / cells < LEAK_WORD_SHARE) return undefined;
  return [...seen.values()]
    .sort((a, b) => b.n - a.n || (a.shown < b.shown ? -1 : 1))
    .slice(0, 3)
    .map((e) => e.shown);
}
