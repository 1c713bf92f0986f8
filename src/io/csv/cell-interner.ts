/** Distinct spellings remembered per column; past this a column (ids, notes) is read as it comes. */
const PER_COLUMN = 50_000;
/** After this many cells, a column whose cells were mostly distinct (ids, names, emails) is read as it comes. */
const TRIAL_CELLS = 4096;
const DISTINCT_SHARE = 0.75;
/** Longer cells (notes, descriptions) are rarely repeated: read as they come. */
const LONGEST = 64;

/** One column's distinct cells in an open-addressing table by hash of their bytes, with the bytes and flags that confirm a match. */
class ColumnCells {
  /** id + 1 of the cell in each slot, 0 for an empty slot; kept at most half full. */
  slots = new Int32Array(1024);
  readonly texts: string[] = [];
  readonly hashes: number[] = [];
  readonly starts: number[] = [];
  readonly lengths: number[] = [];
  readonly flags: number[] = [];
  store = new Uint8Array(1024);
  used = 0;
  /** Cells looked up so far, counted up to TRIAL_CELLS. */
  seen = 0;

  /** The id of bytes[start, end) scanned with `flags` and hashed to `hash`, or -1. */
  find(hash: number, bytes: Uint8Array, start: number, end: number, flags: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = (this.slots[slot] as number) - 1;
      if (id < 0) return -1;
      if (this.hashes[id] === hash && this.same(id, bytes, start, end, flags)) return id;
    }
  }

  same(id: number, bytes: Uint8Array, start: number, end: number, flags: number): boolean {
    if (this.lengths[id] !== end - start || this.flags[id] !== flags) return false;
    const from = this.starts[id] as number;
    for (let i = 0; i < end - start; i++) if (this.store[from + i] !== bytes[start + i]) return false;
    return true;
  }

  add(hash: number, text: string, bytes: Uint8Array, start: number, end: number, flags: number): void {
    const id = this.texts.length;
    const length = end - start;
    if (this.used + length > this.store.length) {
      const grown = new Uint8Array(Math.max(this.store.length * 2, this.used + length));
      grown.set(this.store.subarray(0, this.used));
      this.store = grown;
    }
    this.store.set(bytes.subarray(start, end), this.used);
    this.texts.push(text);
    this.hashes.push(hash);
    this.starts.push(this.used);
    this.lengths.push(length);
    this.flags.push(flags);
    this.used += length;
    if (2 * this.texts.length > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id);
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let slot = (this.hashes[id] as number) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let id = 0; id < this.texts.length; id++) this.place(id);
  }
}

/**
 * Shares one string between the equal cells of a column, found by their bytes before any string is made.
 * A whole-file table holds every cell: a million rows of forty picklist columns are forty million strings
 * (1.2 GB measured) but a few thousand distinct ones; sharing them (and the ids that ColumnTable codes its
 * columns by) leaves a few bytes a cell, and a repeated cell costs a hash of its bytes instead of a UTF-8
 * decode and an object.
 */
export class CellInterner {
  readonly #columns: (ColumnCells | null)[] = [];
  // What the last lookup() missed, for remember() (fields, not an object per miss).
  #missed: ColumnCells | undefined;
  #hash = 0;
  #bytes: Uint8Array = new Uint8Array(0);
  #start = 0;
  #end = 0;
  #flags = 0;
  /**
   * The id of the cell last looked up (with remember(), when it missed) among its column's distinct cells
   * (equal bytes, scanned alike), or -1 when the column is not shared or the cell too long.
   */
  id = -1;

  /**
   * The shared string of column `column`'s cell bytes[start, end) (flags: how the scanner saw it), or
   * undefined: then decode the cell and pass it to remember(), before the next lookup.
   */
  lookup(column: number, bytes: Uint8Array, start: number, end: number, flags: number): string | undefined {
    this.#missed = undefined;
    this.id = -1;
    let cells = this.#columns[column];
    if (cells === null || end - start > LONGEST) return undefined;
    if (cells === undefined) this.#columns[column] = cells = new ColumnCells();
    let hash = 0x811c9dc5 ^ flags; // FNV-1a
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
    // Judged once, on the column's first TRIAL_CELLS cells.
    const distinct = cells.seen < TRIAL_CELLS && ++cells.seen === TRIAL_CELLS && cells.texts.length > DISTINCT_SHARE * TRIAL_CELLS;
    const id = distinct ? -1 : cells.find(hash, bytes, start, end, flags);
    if (id >= 0) {
      this.id = id;
      return cells.texts[id] as string;
    }
    if (distinct || cells.texts.length >= PER_COLUMN) {
      this.#columns[column] = null; // a column of mostly distinct values: sharing costs and saves nothing
      return undefined;
    }
    this.#missed = cells;
    this.#hash = hash;
    this.#bytes = bytes;
    this.#start = start;
    this.#end = end;
    this.#flags = flags;
    return undefined;
  }

  /** The decoded text of the cell the last lookup() missed. */
  remember(text: string): void {
    const missed = this.#missed;
    if (missed === undefined) return;
    this.id = missed.texts.length;
    missed.add(this.#hash, text, this.#bytes, this.#start, this.#end, this.#flags);
    this.#missed = undefined;
  }
}
