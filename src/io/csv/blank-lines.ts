import type { WarningSink } from '../../core/warnings.js';

const SHOWN = 5;

/**
 * Blank lines (empty, or white space only) between the rows of a file: no row, as spreadsheets and
 * papaparse read them, but said once at the end so that no line disappears unseen. Blank lines before the
 * header or after the last row are left unsaid (an extra line break at the end of a file is common).
 */
export class BlankLines {
  private pending = 0;
  private pendingLines: number[] = [];
  private skipped = 0;
  private lines: number[] = [];
  private rows = 0;

  /** A blank line was skipped at `line`. */
  blank(line: number): void {
    this.pending++;
    if (this.pendingLines.length < SHOWN) this.pendingLines.push(line);
  }

  /** A row (the header first) came after the blank lines seen since the last one. */
  row(): void {
    if (this.pending > 0) {
      if (this.rows > 0) {
        this.skipped += this.pending;
        for (const line of this.pendingLines) if (this.lines.length < SHOWN) this.lines.push(line);
      }
      this.pending = 0;
      this.pendingLines = [];
    }
    this.rows++;
  }

  /** Warns of the blank lines skipped between rows, if any. */
  finish(warn: WarningSink, file: string): void {
    if (this.skipped === 0) return;
    const shown = this.lines.join(', ') + (this.skipped > this.lines.length ? ', ...' : '');
    const what = this.skipped === 1 ? 'blank line between rows was' : 'blank lines between rows were';
    warn({ message: `${this.skipped} ${what} skipped (line${this.skipped === 1 ? '' : 's'} ${shown})`, file });
  }
}
