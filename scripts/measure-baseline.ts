/**
 * How test/core/derive/baseline-auc.json was made: the engine before derive v2 on the extended generator.
 * Run it in a worktree of commit 1ad3fbe with the current fixtures/generator/ copied in:
 *   git worktree add /tmp/old 1ad3fbe && cp fixtures/generator/* /tmp/old/fixtures/generator/ && cp scripts/measure-baseline.ts /tmp/old/scripts/
 *   (cd /tmp/old && ln -s "$OLDPWD/node_modules" . && npx tsx scripts/measure-baseline.ts) > test/core/derive/baseline-auc.json
 */
import Papa from 'papaparse';
import { generateFixtures } from '../fixtures/generator/index.js';
import { derive } from '../src/core/derive/derive.js';
import { compileIcp } from '../src/core/score/compile.js';
import { scoreRow } from '../src/core/score/score-row.js';
import { auc } from '../src/core/stats/index.js';
import { tableFromCsv } from '../test/helpers/table-from-csv.js';
const g = generateFixtures({ seed: 900_001, customers: 10, leads: 20_000 });
const [header = [], ...rows] = Papa.parse<string[]>(g.leads, { skipEmptyLines: true }).data;
const conv = rows.map((x) => /^(true|yes|1)$/i.test(x[header.indexOf('Converted')] ?? ''));
const out: Record<string, Record<string, number>> = {};
for (const n of [2000, 5000]) {
  out[n] = {};
  for (let seed = 1; seed <= 20; seed++) {
    const f = generateFixtures({ seed, customers: n, leads: 1 });
    const r = derive({
      customers: tableFromCsv('customers.csv', f.customers),
      deals: tableFromCsv('deals.csv', f.deals),
      options: { top: { percent: 20 }, alpha: 0.05, minSupport: 0.05, maxCriteria: 8, minLift: 1.5 },
      generatedAt: '2026-11-23T00:00:00.000Z',
      recordedOptions: {},
    });
    const compiled = compileIcp(r.doc, header, rows.slice(0, 200));
    out[n]![seed] = Number(
      (
        auc(
          rows.map((x) => scoreRow(compiled, x).score),
          conv,
        ) as number
      ).toFixed(4),
    );
  }
}
console.log(
  JSON.stringify(
    {
      what: 'AUC for Converted of the ICP derived by the engine before derive v2 (commit 1ad3fbe) on 20,000 fresh leads of the generator (seed 900001), per size and seed; made by scripts/measure-baseline.ts in a worktree of that commit with the extended generator copied in',
      commit: '1ad3fbe',
      fresh_seed: 900001,
      auc: out,
    },
    null,
    1,
  ),
);
