import { normalizeKey } from '../profile/keys.js';

/** Counts the deal rows whose own id (Record ID, opportunity_id) was seen before: a deal exported twice counts twice. */
export class RepeatedIds {
  private readonly seen = new Set<string>();
  repeats = 0;

  /** Adds one row's id cell; a missing id is no repeat. */
  add(raw: string | undefined): void {
    const key = normalizeKey(raw);
    if (key === '') return;
    if (this.seen.has(key)) this.repeats++;
    else this.seen.add(key);
  }
}
