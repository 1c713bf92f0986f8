import type { Out } from './context.js';

/**
 * A one-line counter on stderr for work that takes more than a second, only on a terminal: cron logs and
 * pipes never see it. `tick` is cheap enough to call per row; the line is redrawn at most 10 times a second.
 */
export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stderr: Out,
    private readonly enabled: boolean,
    private readonly label: string,
  ) {}

  /** Reports `count` units done so far. */
  tick(count: number): void {
    if ((count & 1023) !== 0 || !this.due()) return;
    this.drawn = true;
    this.stderr.write(`\r${this.label} ${count.toLocaleString('en-US')}…`);
  }

  /** `read 120,000 rows of deals.csv`: rows read so far of one file, for commands that read whole files. */
  rows(count: number, name: string): void {
    // Whether to draw is decided before the text is made: toLocaleString is slow, and a stream reports
    // every 1,024 rows.
    if (this.due()) this.draw(`read ${count.toLocaleString('en-US')} rows of ${name}`);
  }

  /** Shows a step of slow work, such as `derive: half-sample 12 of 50`; drawn like tick, after a second. */
  show(text: string): void {
    if (this.due()) this.draw(text);
  }

  /**
   * Whether a line is drawn now (on a terminal, after the first second, 10 times a second at most); a yes
   * counts as the draw, so the caller must draw.
   */
  private due(): boolean {
    if (!this.enabled) return false;
    const now = Date.now();
    if (now - this.started < 1000 || now - this.lastDraw < 100) return false;
    this.lastDraw = now;
    return true;
  }

  private draw(text: string): void {
    this.drawn = true;
    this.stderr.write(`\r\x1b[2K${this.label} ${text}`);
  }

  /** Clears the line so that the summary that follows starts clean. */
  done(): void {
    if (this.drawn) this.stderr.write('\r\x1b[2K');
  }
}
