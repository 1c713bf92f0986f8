import type { TableHead } from '../io/csv/stream-table.js';
import { PartDigest } from './part-digest.js';
import type { CsvReadOptions } from '../io/csv/csv-read-options.js';
import { readInPasses, type Pass } from './read-passes.js';

/**
 * A pass over the rows of one part of a file (`inPart`, by row number), made as if that part were a file of
 * its own: the inner pass is made once the part's first `sampleRows` rows are in (they type its columns, as
 * a table's first rows would), and the part's rows are digested (PartDigest). Every cell of a row is read,
 * the digest needs them.
 */
export class PartPass<R, P extends Pass<R>> implements Pass<R> {
  readonly columnsUsed = undefined;
  private inner: P | undefined;
  private held: string[][] = [];
  private at = 0;
  private readonly digest: PartDigest;

  constructor(
    private readonly head: TableHead,
    private readonly inPart: (row: number) => boolean,
    private readonly sampleRows: number,
    private readonly make: (head: TableHead) => P,
    readonly shareCells: boolean,
  ) {
    this.digest = new PartDigest(head.header);
  }

  add(row: readonly string[]): void {
    if (!this.inPart(this.at++)) return;
    this.digest.add(row);
    if (this.inner) this.inner.add(row);
    else {
      this.held.push(row as string[]);
      if (this.held.length === this.sampleRows) this.settle();
    }
  }

  get reread(): R | undefined {
    return this.settle().reread;
  }

  /** The inner pass, made now if the part has fewer rows than a sample. */
  settle(): P {
    if (!this.inner) {
      const { name, header } = this.head;
      const inner = this.make({ name, header, sample: this.held });
      for (const row of this.held) inner.add(row);
      this.held = [];
      this.inner = inner;
    }
    return this.inner;
  }

  sha256(): string {
    return this.digest.digest();
  }
}

/**
 * readInPasses on the rows of one part of the file (`inPart`, by row number), as if they were a file of
 * their own (PartPass): its first rows type it, and `sha256` is the part's digest, as partDigest gives a
 * part held as a table. `shareCells` as the inner pass would ask (the stream is set up before it is made).
 */
export async function readPartInPasses<R, P extends Pass<R>>(
  path: string,
  read: CsvReadOptions,
  part: { sampleRows: number; inPart: (row: number) => boolean; shareCells: boolean },
  makePass: (head: TableHead, again: R | undefined) => P,
  hooks: { onRows?: ((rows: number) => void) | undefined; onReread?: ((again: R) => void) | undefined } = {},
): Promise<{ pass: P; sha256: string }> {
  const make = (head: TableHead, again: R | undefined) =>
    new PartPass<R, P>(head, part.inPart, part.sampleRows, (sub) => makePass(sub, again), part.shareCells);
  const { pass } = await readInPasses(path, read, part.sampleRows, make, hooks);
  return { pass: pass.settle(), sha256: pass.sha256() };
}
