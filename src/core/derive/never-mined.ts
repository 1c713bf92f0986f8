import type { Role } from '../columns/roles.js';
import { normalizeHeader } from '../columns/roles.js';

/** Why a column is never mined whatever its values say, or undefined. */
export type NeverMined = 'stage' | 'team';

export const STAGE_REASON = 'set by the deal stage (leakage)';
export const TEAM_REASON = 'not a customer attribute (our own team)';

// Roles the CRM fills in from the deal stage. (won, amount, dates keep their "computed from the outcome" reason.)
const STAGE_ROLES: ReadonlySet<Role> = new Set(['deal_stage', 'lost_reason', 'stage_derived']);
const TEAM_ROLES: ReadonlySet<Role> = new Set(['owner', 'team']);
const KEY_ROLES: ReadonlySet<Role> = new Set(['id', 'account_id', 'name', 'account_name', 'email', 'domain', 'phone']);

// Normalized headers (after an entity prefix such as "Deal - " or "Opportunity") of stage-derived fields.
const STAGE_KEYS = new Set([
  'probability',
  'dealprobability',
  'winprobability',
  'expectedrevenue',
  'weightedamount',
  'isclosed',
  'iswon',
  'isclosedwon',
  'forecastcategory',
  'forecastcategoryname',
  'hsforecastcategory',
  'stagename',
  'stage',
  'dealstage',
  'laststagechangedate',
  'lostreason',
  'closedlostreason',
  'closedwonreason',
  'wonreason',
  'daystoclose',
  'wontime',
  'losttime',
  'closedlostdate',
  'closedwondate',
  'hsisclosed',
  'hsisclosedwon',
  'hsdealstageprobability',
  'dealstageprobability',
  // What icp sql profile sums per customer from the deals and their outcomes.
  'deals',
  'wondeals',
  'lostdeals',
  'opendeals',
  'firstwon',
  'lastwon',
  'mediancycledays',
]);
// HubSpot's per-stage stamps: `Date entered "Closed Won" (Sales Pipeline)`, `Date exited ...`, `Time in ...`.
const STAGE_PATTERNS = [/^(hs_)?date[\s_]*(entered|exited)(\b|_)/i, /^(cumulative |latest )?time[\s_]+in\b/i, /\bprobability\b/i, /\bforecast\b/i];
const PREFIXES = ['deal', 'opportunity', 'opp', 'lead', 'hs'];

// Who sold, not who bought: words of a header split at spaces, punctuation and camelCase.
const TEAM_PHRASES = [
  ['owner'],
  ['sales', 'agent'],
  ['agent'],
  ['seller'],
  ['rep'],
  ['sales', 'rep'],
  ['sdr'],
  ['bdr'],
  ['sr'],
  ['salesperson'],
  ['account', 'manager'],
  ['account', 'executive'],
  ['assigned', 'to'],
  ['assignee'],
  ['created', 'by'],
  ['modified', 'by'],
  ['updated', 'by'],
  ['closed', 'by'],
];

// Salesforce API names in capitals (OWNERID, CREATEDBYID), compared after normalizeHeader.
const TEAM_KEY =
  /^(account|opportunity|lead|deal|company|contact)?(owner(id|name)?|(created|lastmodified|modified)by(id)?|salesagent|salesrep|accountmanager|assignedto)$/;

function words(header: string): string[] {
  return header
    .normalize('NFKD')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

function hasPhrase(ws: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= ws.length; i++) if (phrase.every((p, k) => ws[i + k] === p)) return true;
  return false;
}

/** Whether a header names a field the CRM sets from the deal stage (probability, forecast category, won time...). */
export function isStageDerivedHeader(header: string): boolean {
  const key = normalizeHeader(header.replace(/^[^-]*\s-\s/, ''));
  if (STAGE_KEYS.has(key) || STAGE_KEYS.has(normalizeHeader(header))) return true;
  for (const p of PREFIXES) if (key.startsWith(p) && STAGE_KEYS.has(key.slice(p.length))) return true;
  return STAGE_PATTERNS.some((re) => re.test(header.trim()));
}

/** Whether a header names our own team: owner, sales agent, seller, rep, account manager, assigned to, team, created by. */
export function isOwnTeamHeader(header: string): boolean {
  const ws = words(header);
  // "HubSpot team", "Sales Team", "team_id" are ours; "Team Size" is the customer's headcount.
  const last = ws[ws.length - 1];
  const team = last === 'team' || (ws[ws.length - 2] === 'team' && (last === 'id' || last === 'name'));
  return team || TEAM_KEY.test(normalizeHeader(header)) || TEAM_PHRASES.some((p) => hasPhrase(ws, p));
}

/** Why a column is never mined by its role or header (stage-derived, our own team), or undefined. */
export function neverMined(column: { header: string; role: Role | undefined }): NeverMined | undefined {
  if (column.role && TEAM_ROLES.has(column.role)) return 'team';
  if (column.role && STAGE_ROLES.has(column.role)) return 'stage';
  // A key or a name found by its header is the customer's, whatever words it has.
  if (column.role && KEY_ROLES.has(column.role)) return undefined;
  if (isOwnTeamHeader(column.header)) return 'team';
  if (isStageDerivedHeader(column.header)) return 'stage';
  return undefined;
}
