import fc from 'fast-check';

/**
 * Vitest setup file: every property test runs from one seed, so a failure can be replayed. FC_SEED picks
 * the seed (CI runs the property tests once more with a fresh one and prints it); without it a fixed seed
 * keeps local and CI runs identical. fast-check names the seed and the shrink path in every failure.
 */
const DEFAULT_SEED = 14_000_005;

function seedFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_SEED;
  const seed = Number(raw);
  // fast-check works from a 32-bit seed; anything else would be silently truncated into another seed.
  if (!Number.isInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 31) throw new Error(`FC_SEED must be a 32-bit integer, got ${JSON.stringify(raw)}`);
  return seed;
}

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: seedFromEnv(process.env.FC_SEED) });
