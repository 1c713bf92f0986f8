import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { spawnIcp } from '../helpers/spawn-icp.js';

/**
 * A HubSpot-shaped pair whose deal Record IDs are also company Record IDs: joining on the deal's own
 * id would credit the wrong companies, so the cohort shows which key was used.
 */
function hubspotPair(dir: string): { companies: string; deals: string } {
  const companies = ['Record ID,Company name,Industry,Number of Employees,Country/Region'];
  const deals = ['Record ID,Deal Name,Deal Stage,Amount,Create Date,Close Date,Associated Company IDs,Associated Company'];
  for (let i = 1; i <= 40; i++) {
    const software = i <= 20;
    companies.push(`${i},Company ${i},${software ? 'Software' : 'Retail'},${software ? 120 : 40},United States`);
  }
  // Deals 1..40 carry ids that are also company ids; big won deals go to companies 21..28 (Retail).
  for (let d = 1; d <= 40; d++) {
    const company = d <= 8 ? 20 + d : d;
    const amount = d <= 8 ? 100000 : 500;
    deals.push(
      `${d},Deal ${d},Closed Won,"$${amount.toLocaleString('en-US')}.00",2025-01-0${(d % 9) + 1},2025-03-0${(d % 9) + 1},${company},Company ${company}`,
    );
  }
  const c = join(dir, 'companies.csv');
  const dl = join(dir, 'deals.csv');
  writeFileSync(c, companies.join('\n') + '\n');
  writeFileSync(dl, deals.join('\n') + '\n');
  return { companies: c, deals: dl };
}

describe('icp derive joins HubSpot deals on the association', () => {
  it("uses Associated Company IDs, never the deal's own Record ID", () => {
    const dir = mkdtempSync(join(tmpdir(), 'icp-hubspot-'));
    const { companies, deals } = hubspotPair(dir);
    const r = spawnIcp(['derive', companies, '--deals', deals, '--top', '8', '-o', join(dir, 'icp.yaml'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/joined 40 of 40 deals .*"Associated Company IDs" = .*"Record ID"/);
    const doc = parse(readFileSync(join(dir, 'icp.yaml'), 'utf8')) as { cohort: { size: number; share_of_value: number } };
    expect(doc.cohort.size).toBe(8);
    // Companies 21..28 hold 8 x (100,000 + 500) of 816,000 in won value (on Record ID it would be 4,000).
    expect(doc.cohort.share_of_value).toBeCloseTo(804000 / 816000, 3);
    const json = JSON.parse(r.stdout) as { cohort: { size: number } };
    expect(json.cohort.size).toBe(8);
  });
});
