import { CONTACT_ROLE_FILE_ROLES } from '../columns/file-maps.js';
import { noColumn } from '../columns/no-column.js';
import type { Role } from '../columns/role-names.js';
import { findHeader, normalizeHeader } from '../columns/roles.js';
import { IcpError } from '../../errors.js';

/** The columns of a contact roles export: the deal, the contact, the contact's role on it, whether primary. */
export interface ContactRoleColumns {
  deal: number;
  contact: number;
  role: number | undefined;
  primary: number | undefined;
}

type FileRole = 'deal_id' | 'contact_id' | 'contact_role' | 'primary_contact';

// Salesforce OpportunityContactRole, HubSpot deal-contact associations, Pipedrive deal participants.
const HEADERS: Record<FileRole, readonly string[]> = {
  deal_id: [
    'OPPORTUNITYID',
    'Opportunity ID',
    'Deal ID',
    'deal_id',
    'Deal Record ID',
    'Associated Deal',
    'Associated Deal IDs',
    'Deal - ID',
    'Opportunity',
    'Deal',
  ],
  contact_id: [
    'CONTACTID',
    'Contact ID',
    'contact_id',
    'Contact Record ID',
    'Associated Contact',
    'Associated Contact IDs',
    'Person ID',
    'Person - ID',
    'Contact',
    'Person',
  ],
  contact_role: ['ROLE', 'Contact Role', 'Buying Role', 'Opportunity Role', 'Deal Role', 'Role'],
  primary_contact: ['ISPRIMARY', 'Is Primary', 'Primary', 'Primary Contact', 'is_primary'],
};

function find(header: readonly string[], role: FileRole, map: ReadonlyMap<Role, string>, fileName: string): number | undefined {
  const mapped = map.get(role);
  if (mapped === '') return undefined;
  if (mapped !== undefined) {
    const at = findHeader(header, mapped);
    if (at < 0) throw noColumn('map', mapped, fileName, header, `${role}=${mapped}`);
    return at;
  }
  const normalized = header.map(normalizeHeader);
  for (const alias of HEADERS[role]) {
    const at = normalized.indexOf(normalizeHeader(alias));
    if (at >= 0) return at;
  }
  return undefined;
}

/**
 * The columns of a contact roles export, by --map (deal_id, contact_id, contact_role, primary_contact) or by
 * the headers CRMs give them; an error naming the file when the deal or the contact column is missing.
 */
export function contactRoleColumns(header: readonly string[], map: ReadonlyMap<Role, string>, fileName: string): ContactRoleColumns {
  const [deal, contact, role, primary] = CONTACT_ROLE_FILE_ROLES.map((r) => find(header, r as FileRole, map, fileName));
  for (const [at, what, r] of [
    [deal, 'deal', 'deal_id'],
    [contact, 'contact', 'contact_id'],
  ] as const) {
    if (at === undefined) {
      throw new IcpError(`${fileName} has no ${what} column: a contact roles export names the deal and the contact of each row`, {
        hint: `name it with ⟨map⟩ ${r}=<header>; columns: ${header.map((h) => JSON.stringify(h)).join(', ')}`,
      });
    }
  }
  return { deal: deal as number, contact: contact as number, role, primary };
}

// A contacts export's own key: HubSpot `Record ID`, Salesforce `Id`, Pipedrive `Person - ID`.
const CONTACT_ID_HEADERS = ['Record ID', 'Id', 'Contact ID', 'CONTACTID', 'Person - ID', 'Person ID', 'contact_id', 'hs_object_id'];

/** The column that names each contact in a contacts export (its own id), for the contact roles to join on. */
export function contactIdColumn(header: readonly string[], fileName: string): number {
  const normalized = header.map(normalizeHeader);
  for (const alias of CONTACT_ID_HEADERS) {
    const at = normalized.indexOf(normalizeHeader(alias));
    if (at >= 0) return at;
  }
  throw new IcpError(`${fileName} has no contact id column for the contact roles to join on`, {
    hint: `it needs one of ${CONTACT_ID_HEADERS.map((h) => JSON.stringify(h)).join(', ')}; columns: ${header.map((h) => JSON.stringify(h)).join(', ')}`,
  });
}

/** Whether a primary-contact cell says yes (Salesforce `true`, `1`, `Yes`, `x`). */
export function isYes(raw: string | undefined): boolean {
  return /^(true|1|yes|y|x|primary)$/i.test((raw ?? '').trim());
}
