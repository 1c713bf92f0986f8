import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import type { ByteSource } from './byte-source.js';
import { ByteDecoder, detectBom, resolveEncoding } from './decode.js';

const EMPTY = Buffer.alloc(0);

/**
 * The input as UTF-8 bytes without the BOM, each chunk ending on a character boundary, for the byte
 * scanner. UTF-8 (the common case) passes through untouched, only checked: an invalid sequence becomes
 * U+FFFD as TextDecoder makes it. Other encodings (a UTF-16 BOM, `--encoding latin1`) go through
 * ByteDecoder and are encoded again as UTF-8.
 */
export class Utf8Source {
  encoding: string;
  bom = false;
  /** True once a byte sequence was invalid UTF-8 and replaced with U+FFFD. */
  invalid = false;
  private head: Buffer = EMPTY;
  private mode: 'undecided' | 'utf-8' | 'decode' = 'undecided';
  private decoder: ByteDecoder | undefined;
  /** An incomplete UTF-8 character at the end of the last chunk, carried over to the next one. */
  private carry: Buffer = EMPTY;
  private done = false;

  constructor(
    private readonly source: ByteSource,
    private readonly fallbackLabel = 'utf-8',
  ) {
    this.encoding = resolveEncoding(fallbackLabel);
  }

  /** The next chunk of UTF-8 (possibly empty), or null at the end of input. */
  async read(): Promise<Buffer | null> {
    if (this.done) return null;
    const chunk = await this.source.read();
    if (chunk === null) {
      this.done = true;
      const last = Buffer.concat([this.mode === 'undecided' && this.start(true) ? this.convert(this.takeHead()) : EMPTY, this.flush()]);
      return last.length > 0 ? last : null;
    }
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.mode !== 'undecided') return this.convert(bytes);
    this.head = this.head.length === 0 ? bytes : Buffer.concat([this.head, bytes]);
    return this.start(false) ? this.convert(this.takeHead()) : EMPTY;
  }

  /** Decides the encoding once enough bytes arrived to tell a BOM; false while undecided. */
  private start(final: boolean): boolean {
    const bom = detectBom(this.head, final);
    if (bom === undefined) return false;
    if (bom) {
      this.encoding = bom.encoding;
      this.bom = true;
    }
    if (this.encoding === 'utf-8') {
      this.mode = 'utf-8';
      if (bom) this.head = this.head.subarray(bom.length);
    } else {
      // ByteDecoder reads the BOM again and decodes the rest.
      this.mode = 'decode';
      this.decoder = new ByteDecoder(this.fallbackLabel);
    }
    return true;
  }

  private takeHead(): Buffer {
    const head = this.head;
    this.head = EMPTY;
    return head;
  }

  private convert(bytes: Buffer): Buffer {
    if (this.mode === 'decode') return Buffer.from((this.decoder as ByteDecoder).write(bytes), 'utf8');
    const all = this.carry.length === 0 ? bytes : Buffer.concat([this.carry, bytes]);
    const cut = completeLength(all);
    this.carry = cut === all.length ? EMPTY : Buffer.from(all.subarray(cut));
    const body = all.subarray(0, cut);
    return isUtf8(body) ? body : this.replace(body);
  }

  private flush(): Buffer {
    if (this.mode === 'decode') return Buffer.from((this.decoder as ByteDecoder).end(), 'utf8');
    const rest = this.carry;
    this.carry = EMPTY;
    return rest.length === 0 || isUtf8(rest) ? rest : this.replace(rest);
  }

  private replace(bytes: Buffer): Buffer {
    this.invalid = true;
    return Buffer.from(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), 'utf8');
  }
}

/**
 * How many leading bytes of `bytes` end on a character boundary: a last lead byte whose continuation bytes
 * have not all arrived is left for the next chunk. Invalid sequences are not judged here.
 */
function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const byte = bytes[n - back] as number;
    if (byte < 0x80) return n;
    if (byte >= 0xc0) return (byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2) > back ? n - back : n;
  }
  return n;
}
