import { describe, expect, it } from 'vitest';
import { ByteDecoder, detectBom, resolveEncoding } from '../../../src/io/csv/decode.js';

function decodeInPieces(bytes: Uint8Array, size: number, label?: string): { text: string; decoder: ByteDecoder } {
  const decoder = new ByteDecoder(label);
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += decoder.write(bytes.subarray(i, i + size));
  return { text: text + decoder.end(), decoder };
}

describe('resolveEncoding', () => {
  it('returns the canonical name of a known label', () => {
    expect(resolveEncoding('UTF8')).toBe('utf-8');
    expect(resolveEncoding('latin1')).toBe('windows-1252');
    expect(resolveEncoding('utf-16')).toBe('utf-16le');
  });

  it('throws a UsageError naming an unknown label', () => {
    expect(() => resolveEncoding('ebcdic-42')).toThrow(/unknown encoding "ebcdic-42"/);
  });
});

describe('detectBom', () => {
  it('waits while a BOM could still be forming', () => {
    expect(detectBom(Uint8Array.of(0xef), false)).toBeUndefined();
    expect(detectBom(Uint8Array.of(0xef, 0xbb), false)).toBeUndefined();
    expect(detectBom(Uint8Array.of(0xff), false)).toBeUndefined();
    expect(detectBom(Uint8Array.of(0xef), true)).toBeNull();
    expect(detectBom(Uint8Array.of(0x61), false)).toBeNull();
  });

  it('recognises UTF-8, UTF-16LE and UTF-16BE', () => {
    expect(detectBom(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61), false)).toEqual({ encoding: 'utf-8', length: 3 });
    expect(detectBom(Uint8Array.of(0xff, 0xfe), false)).toEqual({ encoding: 'utf-16le', length: 2 });
    expect(detectBom(Uint8Array.of(0xfe, 0xff), false)).toEqual({ encoding: 'utf-16be', length: 2 });
  });
});

describe('ByteDecoder', () => {
  const text = 'id,naïve,😀\r\n1,東京,€\r\n';

  it.each([1, 2, 3, 5])('decodes UTF-8 with and without BOM in %i-byte pieces', (size) => {
    expect(decodeInPieces(Buffer.from(text), size).text).toBe(text);
    const withBom = decodeInPieces(Buffer.from('\uFEFF' + text), size);
    expect(withBom.text).toBe(text);
    expect(withBom.decoder.bom).toBe(true);
  });

  it('lets a BOM override the fallback encoding', () => {
    const bytes = Buffer.from('\uFEFF' + text, 'utf16le');
    const { text: decoded, decoder } = decodeInPieces(bytes, 1, 'windows-1252');
    expect(decoded).toBe(text);
    expect(decoder.encoding).toBe('utf-16le');
  });

  it('keeps a second BOM as data', () => {
    expect(decodeInPieces(Buffer.from('\uFEFF\uFEFFa'), 1).text).toBe('\uFEFFa');
  });

  it('uses the fallback encoding without a BOM', () => {
    expect(decodeInPieces(Uint8Array.of(0x43, 0x61, 0x66, 0xe9, 0x80), 1, 'windows-1252').text).toBe('Café€');
  });

  it('flags invalid UTF-8 but not a genuine U+FFFD split across pieces', () => {
    expect(decodeInPieces(Uint8Array.of(0x61, 0xe9, 0x62), 1).decoder.invalid).toBe(true);
    expect(decodeInPieces(Buffer.from('a\uFFFDb\uFFFD'), 1).decoder.invalid).toBe(false);
    expect(decodeInPieces(Buffer.from('a\uFFFDb\uFFFD'), 2).decoder.invalid).toBe(false);
    // A character cut off by the end of input is invalid too.
    expect(decodeInPieces(Uint8Array.of(0x61, 0xe2, 0x82), 1).decoder.invalid).toBe(true);
  });
});
