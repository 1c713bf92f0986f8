import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN, goldenCases, runGolden } from '../test/helpers/golden.js';

// Rewrites the expected outputs of every golden case (test/golden/<case>/) from the built bin/icp.js:
// run `npm run build` first, then review the diff as a change of wording or behaviour.
const only = process.argv.slice(2);
for (const name of goldenCases()) {
  if (only.length > 0 && !only.includes(name)) continue;
  const run = runGolden(name);
  writeFileSync(join(GOLDEN, name, 'expected.out'), run.out);
  writeFileSync(join(GOLDEN, name, 'expected.err'), run.err);
  writeFileSync(join(GOLDEN, name, 'expected.exit'), run.exit);
  console.log(`${name}: exit ${run.exit.trim()}`);
}
