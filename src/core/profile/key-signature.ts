/**
 * A bottom-k sketch of a set of record keys: the 128 smallest 32-bit hashes of its distinct keys, written as
 * base64 (684 characters). It lets `report` and `review` tell, without the derive's files, whether the
 * customers they read are the ones the ICP was derived from (a fresh export of the same CRM has a new
 * sha256 but mostly the same keys). The signed set holds every key whose hash is at most its k-th smallest
 * hash, so the report's keys below that bound are a random sample whose membership is known exactly: the
 * share of them in the sketch estimates the share of the report's keys the derive saw. (A 64-slot MinHash,
 * tried first, estimates Jaccard similarity, whose error is magnified five-fold when a small report is
 * compared with a large derive.)
 */
const K = 128;

/** FNV-1a of the key with a murmur3 finaliser: spreads similar ids ("C0001", "C0002") over the range. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The distinct hashes of the distinct non-empty keys, ascending (a typed sort: sorting a set of numbers
 * with a comparator was most of the cost on 100,000 keys), and how many distinct keys there were.
 */
function distinctHashes(keys: Iterable<string>): { hashes: Uint32Array; count: number } {
  const seen = new Set<string>();
  const all: number[] = [];
  for (const key of keys) {
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    all.push(hash(key));
  }
  const sorted = Uint32Array.from(all).sort();
  // Two keys may share a hash: it is one hash of the sketch.
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] as number;
  return { hashes: sorted.subarray(0, n), count: seen.size };
}

/** The sketch of the distinct non-empty keys, and how many there were. */
export function keySignature(keys: Iterable<string>): { count: number; sketch: string } {
  const { hashes, count } = distinctHashes(keys);
  const bottom = Uint32Array.from(hashes.subarray(0, K));
  return { count, sketch: btoa(String.fromCharCode(...new Uint8Array(bottom.buffer))) };
}

/**
 * The estimated share of `keys` that the signed set holds; null when the signature cannot be read or the
 * report's keys are too few, against a large derive, for any of them to fall under the sketch's bound.
 */
export function keyOverlap(signed: { count: number; sketch: string }, keys: Iterable<string>): number | null {
  let binary: string;
  try {
    binary = atob(signed.sketch);
  } catch {
    return null;
  }
  if (binary.length % 4 !== 0 || binary.length > K * 4) return null;
  const bottom = new Uint32Array(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)).buffer);
  const { hashes, count } = distinctHashes(keys);
  if (count === 0 || signed.count === 0) return 0;
  // A derive of at most K keys is signed whole: every report key can be checked.
  const bound = bottom.length < K || signed.count <= K ? Infinity : (bottom[bottom.length - 1] as number);
  const inSketch = new Set(bottom);
  let sample = 0;
  let found = 0;
  for (const h of hashes) {
    if (h > bound) continue;
    sample++;
    if (inSketch.has(h)) found++;
  }
  return sample === 0 ? null : found / sample;
}
