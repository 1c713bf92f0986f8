import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { FUNCTIONS, mergeDictionaries, SENIORITIES, type TitleDictionary } from '../core/personas/title-dictionary.js';
import { IcpError } from '../errors.js';
import { readError } from './file-error.js';

/** The dictionary shipped with icp (the package's data/titles.yaml, next to dist/ and src/). */
export const SHIPPED_TITLES = fileURLToPath(new URL('../../data/titles.yaml', import.meta.url));

const phrases = z.array(z.string().min(1)).optional();
const schema = z.strictObject({
  version: z.literal(1).optional(),
  abbreviations: z.record(z.string(), z.string()).optional(),
  compounds: z.array(z.string().min(1)).optional(),
  seniority: z.strictObject(Object.fromEntries(SENIORITIES.map((s) => [s, phrases])) as Record<(typeof SENIORITIES)[number], typeof phrases>).optional(),
  function: z.strictObject(Object.fromEntries(FUNCTIONS.map((f) => [f, phrases])) as Record<(typeof FUNCTIONS)[number], typeof phrases>).optional(),
});

/**
 * Phrases as the classifier reads titles: accents folded, lower case, `&` as "and", any other punctuation as
 * a space (co-owner is "co owner", sr. is "sr"); a * at either end stays (a prefix or suffix).
 */
const clean = (p: string): string =>
  p
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9*]+/g, ' ')
    .trim();

/** Where the node at `path` starts: for a key the map does not allow, the key itself. */
function offsetOf(doc: Document, path: (string | number)[]): number {
  const parent = doc.getIn(path.slice(0, -1), true);
  const key = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
  }
  const node = doc.getIn(path, true);
  return isNode(node) && node.range ? node.range[0] : 0;
}

/** A title dictionary file parsed and checked: a problem is an IcpError naming the file, line and column. */
export function parseTitles(text: string, name: string): TitleDictionary {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const where = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return `${name}:${line}:${col}`;
  };
  const [yamlError] = doc.errors;
  if (yamlError) throw new IcpError(`${yamlError.message.split('\n')[0]} (${where(yamlError.pos[0])})`);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    // An alias: a phrase that starts with * must be quoted ('*leiter').
    throw new IcpError(`title dictionary: ${error instanceof Error ? error.message : String(error)} (${name})`, {
      hint: "quote a phrase that starts with *, e.g. '*leiter'",
    });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] as string] : issue.path;
    const offset = offsetOf(doc, path as (string | number)[]);
    const allowed = path[0] === 'seniority' ? SENIORITIES : path[0] === 'function' ? FUNCTIONS : undefined;
    const hint = issue.code === 'unrecognized_keys' && allowed ? ` (one of: ${allowed.join(', ')})` : '';
    throw new IcpError(`title dictionary: ${path.join('.') || 'the file'}: ${issue.message}${hint} (${where(offset)})`);
  }
  const d = parsed.data;
  const lists = <K extends string>(r: Partial<Record<K, string[] | undefined>> | undefined) =>
    Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k, (v as string[]).map(clean)])) as Partial<Record<K, string[]>>;
  return {
    abbreviations: Object.fromEntries(Object.entries(d.abbreviations ?? {}).map(([k, v]) => [clean(k), clean(v)])),
    compounds: (d.compounds ?? []).map(clean),
    seniority: lists(d.seniority),
    function: lists(d.function),
  };
}

async function readTitlesFile(path: string, shown: string): Promise<TitleDictionary> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw readError(error, shown);
  }
  return parseTitles(text, shown);
}

/** The shipped dictionary, with the user's `--titles` file over it when given. */
export async function readTitleDictionary(user?: { path: string; shown: string }): Promise<TitleDictionary> {
  const shipped = await readTitlesFile(SHIPPED_TITLES, 'data/titles.yaml');
  return user ? mergeDictionaries(shipped, await readTitlesFile(user.path, user.shown)) : shipped;
}
