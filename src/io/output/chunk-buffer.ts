/** Bytes gathered for one stream write: text (as UTF-8) and byte ranges, appended in order. */
export class ChunkBuffer {
  #bytes: Buffer;
  #used = 0;

  constructor(private readonly capacity: number) {
    this.#bytes = Buffer.allocUnsafe(capacity);
  }

  /** Bytes gathered so far. */
  get length(): number {
    return this.#used;
  }

  /** Appends `text` as UTF-8; false (and nothing appended) when it does not fit in the room left. */
  appendText(text: string): boolean {
    const room = this.#bytes.length - this.#used;
    // Three bytes per UTF-16 unit is the most UTF-8 can take; only near the end is it worth counting.
    if (text.length * 3 > room && Buffer.byteLength(text, 'utf8') > room) return false;
    this.#used += this.#bytes.write(text, this.#used, 'utf8');
    return true;
  }

  /** Appends bytes[start, end); false (and nothing appended) when they do not fit in the room left. */
  appendBytes(bytes: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    if (length > this.#bytes.length - this.#used) return false;
    this.#bytes.set(bytes.subarray(start, end), this.#used);
    this.#used += length;
    return true;
  }

  /** The gathered bytes, leaving the buffer empty (with fresh memory: the stream keeps what it was given). */
  take(): Buffer {
    const out = this.#bytes.subarray(0, this.#used);
    this.#bytes = Buffer.allocUnsafe(this.capacity);
    this.#used = 0;
    return out;
  }

  /** Drops what was gathered. */
  clear(): void {
    this.#used = 0;
  }
}
