import { parseBoolean } from '../columns/parse/index.js';
import type { Role } from '../columns/roles.js';
import type { IcpDocument } from '../icp/schema.js';
import type { Tier, TierLabel } from '../icp/tiers.js';
import type { DealWindow } from '../profile/deal-types.js';
import { customerKey } from '../profile/customers.js';
import { joinDealTable, type JoinedDeals } from '../profile/deal-join.js';
import { compileIcp, SAMPLE_ROWS } from '../score/compile.js';
import { scoreRow } from '../score/score-row.js';
import { InternalError, OptionError, UsageError } from '../../errors.js';
import { isIcpTier } from './accounts.js';
import type { TypedFile, TypedTable } from './typed-table.js';

/** One lead row: its tier and whether it converted. */
export interface LeadOutcome {
  tier: TierLabel;
  icp: boolean;
  converted: boolean;
}

/** The scored leads and how their conversions were read. */
export interface LeadSet {
  leads: LeadOutcome[];
  /** Rows left out because their converted value is blank or unreadable. */
  withoutOutcome: number;
  /** Keys that repeat in the leads file (only counted when conversion comes from a deals join). */
  duplicateKeys: number;
  /** How "converted" was decided, for the notes. */
  method: string;
}

/**
 * Whether each lead converted, by lead key: a won deal (closed in the window) joins to it. For funnels
 * like olist's, where the leads file has no converted column and a lead converted when its id appears in
 * the closed deals.
 */
function convertedByDeals(leads: TypedTable, joined: JoinedDeals, dealsName: string): { keys: string[]; won: Set<string>; column: string; dealColumn: string } {
  const column = joined.keys.customerColumn;
  // The keys the join gave the leads (customerKey): a lead without one is its own row.
  const keys = leads.table.rows.map((row, i) => customerKey(row[column] ?? '', i));
  const won = new Set([...joined.byKey].filter(([, s]) => s.won > 0).map(([k]) => k));
  return { keys, won, column: leads.table.header[column] as string, dealColumn: joined.header[joined.keys.dealColumn] ?? dealsName };
}

/** The deals joined to the leads (a table in memory); the leads' own error when no column joins them. */
function joinToLeads(leads: TypedTable, deals: TypedTable, window: DealWindow): JoinedDeals {
  const types = { dealRoles: deals.roles, dealColumns: deals.columns, customerColumns: leads.columns };
  return withLeadsHint(leads.table.name, deals.table.name, () =>
    joinDealTable(leads.table, leads.roles, deals.table, { ...types, since: window.since, until: window.until }),
  );
}

/** A join of the deals to the leads, with the leads' own error when no column joins them (the leads have no converted column). */
export function withLeadsHint<T>(leads: string, deals: string, join: () => T): T {
  try {
    return join();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new OptionError('map', `${leads} has no converted column, and no column of ${deals} joins to it`, {
      hint: 'name the converted column with ⟨map⟩ converted=<Header>',
    });
  }
}

/**
 * Scores every lead with the ICP (same code as `icp score`) and reads whether it converted: from its
 * converted column (role `converted`), else from a won deal joined to it.
 */
export function scoreLeads(input: {
  doc: IcpDocument;
  leads: TypedTable;
  /** The deals: a table to join the leads to, or (read as a stream) the deals already joined to them. */
  deals: TypedTable | { file: TypedFile; joined: JoinedDeals | undefined } | null;
  icpTiers: readonly Tier[];
  window: DealWindow;
  map: ReadonlyMap<Role, string>;
}): LeadSet {
  const { table, roles } = input.leads;
  const compiled = compileIcp(input.doc, table.header, table.rows.slice(0, SAMPLE_ROWS), input.map);
  const column = roles.byRole.get('converted');
  let readConverted: (row: readonly string[], index: number) => boolean | null;
  let method: string;
  let duplicateKeys = 0;
  if (column !== undefined) {
    readConverted = (row) => parseBoolean(row[column] ?? '');
    method = `converted = the ${JSON.stringify(table.header[column])} column of ${table.name}`;
  } else if (input.deals) {
    const joined = 'joined' in input.deals ? input.deals.joined : joinToLeads(input.leads, input.deals, input.window);
    if (!joined) throw new InternalError('the deals were read without a join to the leads');
    const dealsName = 'joined' in input.deals ? input.deals.file.table.name : input.deals.table.name;
    const by = convertedByDeals(input.leads, joined, dealsName);
    readConverted = (_, i) => by.won.has(by.keys[i] as string);
    duplicateKeys = by.keys.length - new Set(by.keys).size;
    method = `converted = the lead's ${JSON.stringify(by.column)} has a won deal in ${dealsName} (joined on ${JSON.stringify(by.dealColumn)})`;
  } else {
    throw new OptionError('map', `${table.name} has no converted column`, {
      hint: 'name it with ⟨map⟩ converted=<Header>, or pass ⟨deals⟩ so that a lead with a won deal counts as converted',
    });
  }
  const leads: LeadOutcome[] = [];
  let withoutOutcome = 0;
  table.rows.forEach((row, i) => {
    const converted = readConverted(row, i);
    if (converted === null) {
      withoutOutcome++;
      return;
    }
    const tier = scoreRow(compiled, row).tier;
    leads.push({ tier, icp: isIcpTier(tier, input.icpTiers), converted });
  });
  return { leads, withoutOutcome, duplicateKeys, method };
}
