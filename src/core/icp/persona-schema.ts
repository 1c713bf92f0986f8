import { z } from 'zod';
import { FUNCTIONS, SENIORITIES } from '../personas/title-dictionary.js';

const text = z.string().min(1);
const share = z.number().min(0).max(1);
const count = z.number().int().min(0);

/** The evidence of a persona: best customers (the cohort) and the rest, counted in accounts that have contacts. */
export const personaEvidenceSchema = z.strictObject({
  best_count: count,
  rest_count: count,
  best_share: share,
  rest_share: share,
  lift: z.number().min(0).nullable(),
  p_value: share,
  q_value: share,
  /**
   * exact: Fisher's test of the cell as tested; stratified: Cochran-Mantel-Haenszel of the cell within
   * accounts (deal personas); nominal: of a set of seniorities chosen on the data (read q_value).
   */
  p_kind: z.enum(['exact', 'stratified', 'nominal']),
  /** Share of half-samples of the accounts whose search found the persona again. */
  stability: share,
});

export const personaSchema = z.strictObject({
  name: text,
  function: z.enum([...FUNCTIONS, 'any']),
  /** The seniorities it spans, highest first; empty for any seniority. */
  seniority: z.array(z.enum([...SENIORITIES, 'individual'])),
  evidence: personaEvidenceSchema,
  /** Its most common raw titles among the contacts of the best customers. */
  titles: z.array(z.string()),
  /** Its most common buying role, when the export has one. */
  buying_role: z.string().nullable(),
  /** Where its contacts came from: the most common lead sources and their shares. */
  lead_sources: z.array(z.strictObject({ source: z.string(), share })),
});

const decisionSchema = z.array(z.strictObject({ seniority: text, share }));

/**
 * `personas.deals`: the people on won deals against those on lost ones, from a contact roles export (the
 * contacts of each deal). The evidence counts deals: best_count of deals.won have one, rest_count of deals.lost;
 * its p-values compare deals within their accounts (Cochran-Mantel-Haenszel), not deals as if independent.
 */
export const dealPersonasSchema = z.strictObject({
  contact_roles: z.strictObject({ name: text, rows: count, matched: count, sha256: z.string().regex(/^[0-9a-f]{64}$/i) }),
  /** Closed deals with at least one contact: the ones a persona's presence can be judged on. */
  deals: z.strictObject({ won: count, lost: count, accounts: count }),
  method: text,
  personas: z.array(personaSchema),
  /** The most senior contact on each won deal, as a distribution. */
  decision: decisionSchema,
  /** The function of the primary contact of each won deal that names one, as a distribution. */
  primary: z.array(z.strictObject({ function: text, share })).optional(),
  notes: z.array(z.string()).optional(),
});

/** `personas:` in the ICP file: who buys at the best customers, from a contacts export. */
export const personasSectionSchema = z.strictObject({
  contacts: z.strictObject({ name: text, rows: count, matched: count, sha256: z.string().regex(/^[0-9a-f]{64}$/i) }),
  /** Accounts with at least one contact: the ones a persona's presence can be judged on. */
  accounts: z.strictObject({ best: count, rest: count }),
  method: text,
  personas: z.array(personaSchema),
  /** Where the decision sits: the most senior contact of each best customer, as a distribution. */
  decision: decisionSchema,
  notes: z.array(z.string()).optional(),
  /** With a contact roles export: the same search on deals, won against lost. */
  deals: dealPersonasSchema.optional(),
});

export type DealPersonas = z.infer<typeof dealPersonasSchema>;
export type PersonasSection = z.infer<typeof personasSectionSchema>;
export type Persona = z.infer<typeof personaSchema>;
