/** Delimiters the reader recognises without being told, in tie-break order. */
export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;

export type Newline = '\r\n' | '\n' | '\r';

/** How many leading lines the delimiter sniffer looks at. */
const SNIFF_LINES = 20;

/**
 * The line ending most rows use, judged outside quoted fields (which may hold other line endings, as
 * Excel's LF inside a CRLF file). Same rule as papaparse's own guess. Only a description of the file: the
 * reader ends a record at any LF, CRLF or CR, as files edited by two tools mix them.
 */
export function sniffNewline(text: string): Newline {
  const unquoted = text.replace(/"[^"]*"/g, '');
  const firstLf = unquoted.indexOf('\n');
  const firstCr = unquoted.indexOf('\r');
  if (firstCr === -1 || (firstLf !== -1 && firstLf < firstCr)) return '\n';
  let cr = 0;
  let crlf = 0;
  for (let i = unquoted.indexOf('\r'); i !== -1; i = unquoted.indexOf('\r', i + 1)) {
    cr++;
    if (unquoted[i + 1] === '\n') crlf++;
  }
  return crlf * 2 >= cr ? '\r\n' : '\r';
}

/**
 * Guesses the delimiter from the first lines: each candidate is counted per line outside quotes, and one
 * with the same non-zero count on every line wins (the larger count first, then `,` `;` tab `|`).
 * `complete` says whether `text` is the whole input; if not, its last line may be cut and is ignored.
 */
export function sniffDelimiter(text: string, complete: boolean): string {
  const lines = countPerLine(text, complete);
  if (lines.length === 0) return ',';
  let best: { delimiter: string; count: number } | undefined;
  for (const delimiter of DELIMITER_CANDIDATES) {
    const counts = lines.map((line) => line.get(delimiter) ?? 0);
    const first = counts[0] ?? 0;
    if (first > 0 && counts.every((c) => c === first) && (!best || first > best.count)) {
      best = { delimiter, count: first };
    }
  }
  if (best) return best.delimiter;
  return mostOftenLikeHeader(lines);
}

// Ragged files (some short rows) have no consistent candidate: take the one whose header count is
// repeated on the most lines.
function mostOftenLikeHeader(lines: Map<string, number>[]): string {
  let best = { delimiter: ',', agreeing: 0, count: 0 };
  for (const delimiter of DELIMITER_CANDIDATES) {
    const headerCount = lines[0]?.get(delimiter) ?? 0;
    if (headerCount === 0) continue;
    const agreeing = lines.filter((line) => line.get(delimiter) === headerCount).length;
    if (agreeing > best.agreeing || (agreeing === best.agreeing && headerCount > best.count)) {
      best = { delimiter, agreeing, count: headerCount };
    }
  }
  return best.delimiter;
}

// One map per non-blank line: candidate -> occurrences outside quotes.
function countPerLine(text: string, complete: boolean): Map<string, number>[] {
  const lines: Map<string, number>[] = [];
  let counts = new Map<string, number>();
  let blank = true;
  let inQuotes = false;
  const candidates = new Set<string>(DELIMITER_CANDIDATES);
  const endLine = (): void => {
    if (!blank) lines.push(counts);
    counts = new Map();
    blank = true;
  };
  for (let i = 0; i < text.length && lines.length <= SNIFF_LINES; i++) {
    const ch = text[i] as string;
    if (ch === '"') inQuotes = !inQuotes;
    if (inQuotes) {
      blank = false;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endLine();
      continue;
    }
    if (ch.trim() !== '' || ch === '\t') blank = false;
    if (candidates.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  // The last line is only trustworthy when the text ends there, and not inside an open quote.
  if (complete && !inQuotes && lines.length <= SNIFF_LINES) endLine();
  return lines.slice(0, SNIFF_LINES);
}
