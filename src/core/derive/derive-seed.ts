/** The seed of every permutation, fold and half-sample when none is given (a module of its own: help shows it). */
export const DERIVE_SEED = 20261202;
