import type { Warning, WarningSink } from '../../core/warnings.js';

/** How many warnings of one kind are passed on before they are only counted. */
export const WARNING_CAP = 20;

/**
 * Passes on the first WARNING_CAP warnings of one kind and counts the rest, so that a file with a
 * problem on every row does not flood stderr; finish() adds one summary with the total.
 */
export class CappedWarnings {
  count = 0;

  constructor(
    private readonly sink: WarningSink,
    private readonly summary: (total: number, cap: number) => Warning,
  ) {}

  /** Counts one occurrence and passes it on while under the cap. */
  add(warning: Warning): void {
    this.count++;
    if (this.count <= WARNING_CAP) this.sink(warning);
  }

  /** Emits the summary when some warnings were held back. */
  finish(): void {
    if (this.count > WARNING_CAP) this.sink(this.summary(this.count, WARNING_CAP));
  }
}
