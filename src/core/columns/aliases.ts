/**
 * The roles a column can play, and the headers each CRM uses for them. Aliases are compared after
 * normalizeHeader (lower case, letters and digits only), so `Number of Employees`, `NUMBEROFEMPLOYEES`
 * and `number_of_employees` are one alias. Earlier aliases win when two headers claim a role.
 */
import { COMPANY_ALIASES } from './aliases-company.js';
import { DEAL_ALIASES } from './aliases-deals.js';
import { RECORD_ALIASES } from './aliases-records.js';
import type { Role } from './role-names.js';

export const ROLE_ALIASES: Record<Role, readonly string[]> = { ...RECORD_ALIASES, ...COMPANY_ALIASES, ...DEAL_ALIASES };
