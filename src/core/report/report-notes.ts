import type { IcpDocument } from '../icp/schema.js';
import { describeTiers, type Tier } from '../icp/tiers.js';
import type { Warning } from '../warnings.js';
import type { AccountSet } from './accounts.js';
import { type dataQuality, dataQualityWarnings } from './data-quality.js';
import type { LeadSet } from './leads.js';
import type { measureReport } from './measure-report.js';
import type { allocateSpend } from './spend.js';

type Spend = ReturnType<typeof allocateSpend>;

/** The report's notes: how its measure, join, leads and spend were read, and what is empty. */
export function reportNotes(x: {
  doc: IcpDocument;
  set: AccountSet;
  leadSet: LeadSet | null;
  spend: Spend;
  measured: ReturnType<typeof measureReport>;
  icpAccounts: number;
  icpTiers: readonly Tier[];
  customers: string;
}): string[] {
  const { doc, set, leadSet, spend } = x;
  const notes: string[] = [];
  if ('reason' in x.measured) {
    notes.push(`measure: the ICP's own measure (${doc.cohort.measure}) is not in these files (${x.measured.reason}); judged on win rate and conversion only`);
  }
  if (x.icpAccounts === 0) notes.push(`segments.icp is empty: no account of ${x.customers} reaches tier ${x.icpTiers.join(' or ')}`);
  if (doc.status === 'inconclusive') notes.push('The ICP is inconclusive (no criteria): every account scores 0');
  if (set.join) {
    notes.push(
      `deals joined on ${set.join.dealHeader} = ${set.join.customerHeader} (${set.join.reason}; ${Math.round(set.join.matchRate * 100)}% of deals match)`,
    );
  }
  if (leadSet) notes.push(leadSet.method);
  if (spend) notes.push(`spend: ${spend.summary.method}`);
  for (const u of spend?.summary.unallocated ?? []) notes.push(`spend on "${u.source}" (${u.amount}) brought no account: left out of CAC`);
  return notes;
}

/** The report's warnings: data quality, --icp-tiers the ICP lacks, spend no account matches. */
export function reportWarnings(x: {
  dq: ReturnType<typeof dataQuality>;
  files: { customers: string; deals: string | undefined; leads: string | undefined };
  doc: IcpDocument;
  icpTiers: readonly Tier[];
  missingTiers: readonly Tier[];
  spend: Spend;
}): Warning[] {
  const { icpTiers, missingTiers, spend } = x;
  const warnings = dataQualityWarnings(x.dq, x.files);
  if (missingTiers.length > 0) {
    const which = `tier${missingTiers.length > 1 ? 's' : ''} ${missingTiers.join(', ')}`;
    warnings.push({
      message: `⟨icpTiers⟩: the ICP has no ${which} (its tiers: ${describeTiers(x.doc.tiers)}, D below); ICP = tier${icpTiers.length > 1 ? 's' : ''} ${icpTiers.join(', ')}`,
    });
  }
  for (const u of spend?.summary.unallocated ?? []) {
    warnings.push({ file: spend?.summary.source, message: `spend on "${u.source}" (${u.amount}) matches no account's source: left out of CAC` });
  }
  return warnings;
}
