export { auc } from './auc.js';
export { benjaminiHochberg } from './benjamini-hochberg.js';
export { cochranMantelHaenszel, type CochranMantelHaenszelResult } from './cmh.js';
export { fisherExact, fisherExactOneSided, sampleOddsRatio, type TwoByTwo } from './fisher.js';
export { mannWhitney, type MannWhitneyOptions, type MannWhitneyResult } from './mann-whitney.js';
export { normalUpperTail, twoSidedNormalPValue, chiSquare1UpperTail } from './normal-tail.js';
export { populationStabilityIndex } from './population-stability-index.js';
export { wilsonInterval, Z_95 } from './wilson.js';
export { median } from './median.js';
