import { normalizeHeader } from '../columns/roles.js';

export type DealOutcome = 'won' | 'lost' | 'open';

export const WON_STAGES = new Set(['closedwon', 'won', 'win', 'closedwin', 'signed', 'contractsigned', 'true', 'yes', '1']);
export const LOST_STAGES = new Set(['closedlost', 'lost', 'loss', 'closedloss', 'dead', 'disqualified', 'false', 'no', '0', 'closeddisqualified', 'churned']);
// Open stages of HubSpot's, Salesforce's, Pipedrive's and Zoho's default pipelines: known, so not warned about.
const OPEN = new Set([
  'open',
  'appointmentscheduled',
  'qualifiedtobuy',
  'presentationscheduled',
  'decisionmakerboughtin',
  'contractsent',
  'prospecting',
  'qualification',
  'needsanalysis',
  'valueproposition',
  'iddecisionmakers',
  'perceptionanalysis',
  'proposalpricequote',
  'proposal',
  'negotiationreview',
  'negotiation',
  'engaging',
  'leadin',
  'contactmade',
  'demoscheduled',
  'proposalmade',
  'negotiationsstarted',
  'discovery',
  'demo',
  'trial',
  'evaluation',
  'inprogress',
  'pending',
  'new',
  'contacted',
  'qualified',
  'closing',
  'identifydecisionmakers',
  'pricequote',
  'needsanalysis',
  'leads',
  'lead',
]);

/**
 * Reads a deal stage: `Closed Won`, `Won`, `closedwon`, `IsWon=true` -> won; `Closed Lost`, `Lost` -> lost;
 * anything else -> open, with `known: false` for names icp has never seen (they are listed in a warning).
 */
export function classifyStage(raw: string): { outcome: DealOutcome; known: boolean } {
  // A deals file repeats a handful of stage names a million times: each is read once.
  let read = seen.get(raw);
  if (read === undefined) {
    read = classify(raw);
    if (seen.size < 1024) seen.set(raw, read);
  }
  return read;
}

const seen = new Map<string, { outcome: DealOutcome; known: boolean }>();

function classify(raw: string): { outcome: DealOutcome; known: boolean } {
  const key = normalizeHeader(raw.replace(/^(is)?won\s*=\s*/i, ''));
  if (WON_STAGES.has(key)) return { outcome: 'won', known: true };
  if (LOST_STAGES.has(key)) return { outcome: 'lost', known: true };
  if (key.startsWith('closedwon')) return { outcome: 'won', known: true };
  if (key.startsWith('closedlost')) return { outcome: 'lost', known: true };
  return { outcome: 'open', known: OPEN.has(key) };
}
