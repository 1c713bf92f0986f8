/**
 * `npx tsx scripts/compare-points.ts [customers] [seeds]`: the AUC for Converted on 20,000 fresh leads of the
 * generator of the ICP derive writes (points from the multivariable fit) and of the same criteria with
 * weight-of-evidence points, the engine's earlier rule. The README's figures come from this script.
 */
import type { IcpDocument } from '../src/core/icp/schema.js';
import { assignPoints } from '../src/core/derive/points.js';
import { deriveGenerated, freshLeads, leadAuc } from '../test/helpers/recovery.js';

const customers = Number(process.argv[2] ?? 2000);
const seeds = Number(process.argv[3] ?? 20);
const fresh = freshLeads();
let fitSum = 0;
let woeSum = 0;
let wins = 0;
for (let seed = 1; seed <= seeds; seed++) {
  const { result } = deriveGenerated(seed, customers);
  const kept = result.outcome.kept;
  const woe = assignPoints(kept);
  const woeDoc: IcpDocument = { ...result.doc, criteria: result.doc.criteria.map((c, k) => ({ ...c, points: woe[k] as number })) };
  const fit = leadAuc(result.doc, fresh);
  const other = leadAuc(woeDoc, fresh);
  fitSum += fit;
  woeSum += other;
  if (fit >= other) wins++;
  console.log(`seed ${seed}: fitted ${fit.toFixed(4)}  weight of evidence ${other.toFixed(4)}`);
}
console.log(
  `${customers} companies, ${seeds} seeds: mean AUC fitted ${(fitSum / seeds).toFixed(4)}, weight of evidence ${(woeSum / seeds).toFixed(4)}; fitted at least as good in ${wins} of ${seeds}; truth ${fresh.truthAuc.toFixed(4)}`,
);
