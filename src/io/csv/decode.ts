import { TextDecoder } from 'node:util';
import { UsageError } from '../../errors.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];
const BOMS: [string, number[]][] = [
  ['utf-8', UTF8_BOM],
  ['utf-16le', UTF16LE_BOM],
  ['utf-16be', UTF16BE_BOM],
];

/** Checks an encoding label against what Node's TextDecoder supports and returns its canonical name. */
export function resolveEncoding(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new UsageError(`unknown encoding "${label}"`, {
      hint: 'use a label such as utf-8, latin1, windows-1252, utf-16le or utf-16be',
    });
  }
}

/** The BOM at the start of `bytes`, if any; `undefined` while too few bytes have arrived to tell. */
export function detectBom(bytes: Uint8Array, final: boolean): { encoding: string; length: number } | null | undefined {
  const startsWith = (bom: number[]): boolean | undefined => {
    for (let i = 0; i < bom.length; i++) {
      if (i >= bytes.length) return final ? false : undefined;
      if (bytes[i] !== bom[i]) return false;
    }
    return true;
  };
  let undecided = false;
  for (const [encoding, bom] of BOMS) {
    const match = startsWith(bom);
    if (match) return { encoding, length: bom.length };
    // A prefix such as EF or EF BB may still become a BOM once the next byte arrives.
    if (match === undefined) undecided = true;
  }
  return undecided ? undefined : null;
}

/**
 * Streaming bytes -> text. A BOM decides the encoding (and is dropped); otherwise the fallback label is
 * used. Multi-byte characters split across chunks are carried over by TextDecoder's stream mode.
 */
export class ByteDecoder {
  encoding: string;
  bom = false;
  /** True once a byte sequence was invalid in the encoding and replaced with U+FFFD. */
  invalid = false;
  private decoder: TextDecoder | undefined;
  private head: Uint8Array = new Uint8Array(0);
  private replacementsOut = 0;
  private replacementsIn = 0;
  private tail: Uint8Array = new Uint8Array(0);

  constructor(fallbackLabel = 'utf-8') {
    this.encoding = resolveEncoding(fallbackLabel);
  }

  /** Decodes the next chunk; returns '' while the first bytes are still too few to rule out a BOM. */
  write(chunk: Uint8Array): string {
    if (this.decoder) return this.decode(chunk, true);
    this.head = concat(this.head, chunk);
    return this.start(false);
  }

  /** Flushes whatever is pending (an incomplete character becomes U+FFFD). */
  end(): string {
    const text = this.decoder ? '' : this.start(true);
    return text + this.decode(new Uint8Array(0), false);
  }

  private start(final: boolean): string {
    const bom = detectBom(this.head, final);
    if (bom === undefined) return '';
    let bytes = this.head;
    if (bom) {
      this.encoding = bom.encoding;
      this.bom = true;
      bytes = bytes.subarray(bom.length);
    }
    // The BOM, if any, is already cut off; a second one is data, and header trimming removes it.
    this.decoder = new TextDecoder(this.encoding, { ignoreBOM: true });
    this.head = new Uint8Array(0);
    return this.decode(bytes, !final);
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    const text = (this.decoder as TextDecoder).decode(bytes, { stream });
    if (!this.invalid && this.encoding === 'utf-8') this.checkReplacements(bytes, text);
    return text;
  }

  // A U+FFFD in the output is either a real one in the file (EF BF BD) or an invalid byte sequence.
  private checkReplacements(bytes: Uint8Array, text: string): void {
    if (text.includes('\uFFFD')) {
      this.replacementsOut += countChar(text, '\uFFFD');
      this.replacementsIn += countSequence(concat(this.tail, bytes), UTF8_REPLACEMENT);
      if (this.replacementsOut > this.replacementsIn) this.invalid = true;
    }
    // Two bytes are enough to catch an EF BF BD split across chunks, and too few to count one twice.
    const last = bytes.length >= 2 ? bytes : concat(this.tail, bytes);
    this.tail = Uint8Array.from(last.subarray(-2));
  }
}

const UTF8_REPLACEMENT = [0xef, 0xbf, 0xbd];

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function countChar(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) count++;
  return count;
}

function countSequence(bytes: Uint8Array, sequence: number[]): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const needle = Buffer.from(sequence);
  let count = 0;
  for (let i = buffer.indexOf(needle); i !== -1; i = buffer.indexOf(needle, i + 1)) count++;
  return count;
}
