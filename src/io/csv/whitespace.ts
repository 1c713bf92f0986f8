/**
 * The first index in [from, to) of `bytes` (valid UTF-8) that does not start a character String#trim()
 * removes (ASCII tab to CR and space, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F,
 * U+3000, U+FEFF); `to` when there is none. `to` must be a character boundary.
 */
export function whitespaceEnd(bytes: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = bytes[i] as number;
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
      i++;
      continue;
    }
    const c1 = bytes[i + 1];
    const c2 = bytes[i + 2] as number;
    if (c === 0xc2 && c1 === 0xa0) i += 2;
    else if (c === 0xe1 && c1 === 0x9a && c2 === 0x80) i += 3;
    else if (c === 0xe2 && c1 === 0x80 && ((c2 >= 0x80 && c2 <= 0x8a) || c2 === 0xa8 || c2 === 0xa9 || c2 === 0xaf)) i += 3;
    else if (c === 0xe2 && c1 === 0x81 && c2 === 0x9f) i += 3;
    else if (c === 0xe3 && c1 === 0x80 && c2 === 0x80) i += 3;
    else if (c === 0xef && c1 === 0xbb && c2 === 0xbf) i += 3;
    else return i;
  }
  return i;
}
