import { open } from 'node:fs/promises';
import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import { validateIcp } from '../core/icp/check.js';
import type { Criterion, IcpDocument } from '../core/icp/schema.js';
import { ICP_FILE_HEADER, sectionComment } from './yaml-comments.js';
import { IcpError, InternalError } from '../errors.js';
import { writeFileAtomic } from './output/atomic-write.js';
import { assertIcpTextSize, assertIcpValueCount, ICP_MAX_ALIASES, ICP_MAX_BYTES, tooLarge } from './icp-limits.js';
import { readError } from './file-error.js';

/** One problem in an ICP file, placed on the YAML line of the node it is about. */
export interface IcpProblem {
  file: string;
  line: number;
  column?: number;
  /** Where in the document, e.g. `criteria[2].points`; empty for the file as a whole. */
  path: string;
  message: string;
}

const READ_HINT = 'run "icp derive" to create one, or pass --icp <file>';

/**
 * Parses YAML text and checks it against the schema and the rules; the doc is set only when valid. Text
 * beyond the limits of icp-limits.ts is refused with an IcpError instead, before it is parsed.
 */
export function checkIcpText(text: string, fileName: string): { doc?: IcpDocument; problems: IcpProblem[] } {
  const lineCounter = new LineCounter();
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  assertIcpTextSize(source, fileName);
  const yamlDoc = parseDocument(source, { lineCounter, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: fileName, line, column: col };
  };
  if (yamlDoc.errors.length > 0) {
    return { problems: yamlDoc.errors.map((error) => ({ ...at(error.pos[0]), path: '', message: error.message })) };
  }
  if (yamlDoc.contents === null) {
    return { problems: [{ ...at(0), path: '', message: 'the file is empty; run "icp init" to write a template' }] };
  }
  let value: unknown;
  try {
    value = yamlDoc.toJS({ maxAliasCount: ICP_MAX_ALIASES });
  } catch (error) {
    // Only an alias bomb gets here; the document parsed, so there is no better place than the top.
    const message = error instanceof Error ? error.message : String(error);
    const bomb = `YAML aliases expand more than ${ICP_MAX_ALIASES} times (an alias bomb); an ICP file needs no aliases`;
    return { problems: [{ ...at(0), path: '', message: /excessive alias count/i.test(message) ? bomb : message }] };
  }
  assertIcpValueCount(value, fileName);
  const { doc, problems } = validateIcp(value);
  const placed = problems.map((p) => ({
    ...at(offsetOf(yamlDoc, p.path)),
    path: formatPath(p.path),
    message: p.message,
  }));
  // Stable sort: problems on one line keep the schema's order.
  placed.sort((a, b) => a.line - b.line);
  return doc === undefined ? { problems: placed } : { doc, problems: placed };
}

/** Reads and checks an ICP file; any problem becomes an IcpError that quotes the first one. */
export async function readIcp(path: string, displayPath: string = path): Promise<IcpDocument> {
  const text = await readIcpText(path, displayPath, READ_HINT);
  const { doc, problems } = checkIcpText(text, displayPath);
  const [first] = problems;
  if (doc !== undefined && first === undefined) return doc;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  const message = first === undefined ? `${displayPath} is not a valid ICP file` : formatProblem(first) + more;
  throw new IcpError(message, { hint: `run "icp validate ${displayPath}" to see every problem` });
}

/**
 * Reads a file as UTF-8, turning fs errors into an IcpError that names the file and carries a hint. A file
 * above ICP_MAX_BYTES is refused by its size before it is read; a pipe, which has none, is read up to it.
 */
export async function readIcpText(path: string, displayPath: string, hint: string): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (stat.size > ICP_MAX_BYTES) throw tooLarge(displayPath, stat.size);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead, buffer } = await handle.read({ buffer: Buffer.alloc(64 * 1024) });
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > ICP_MAX_BYTES) throw tooLarge(displayPath, total, true);
    }
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    throw readError(error, displayPath, hint);
  } finally {
    await handle?.close();
  }
}

/** Writes the document atomically; an existing file is only replaced with `force`. */
export async function writeIcp(path: string, doc: IcpDocument, options: { force?: boolean; displayPath?: string } = {}): Promise<void> {
  const { problems } = validateIcp(doc);
  if (problems.length > 0) {
    const list = problems.map((p) => `${formatPath(p.path)}: ${p.message}`).join('; ');
    throw new InternalError(`refusing to write an invalid ICP document: ${list}`);
  }
  const overwrite = options.force ?? false;
  await writeFileAtomic(path, stringifyIcp(doc), { overwrite, displayPath: options.displayPath });
}

/** The YAML a person can read and edit: a guide in comments, keys in a fixed order, same doc same bytes. */
export function stringifyIcp(doc: IcpDocument): string {
  // Without aliasDuplicateObjects: false, an array shared by two criteria would come out as &a1/*a1.
  const yamlDoc = new Document(icpDocumentOrdered(doc), { aliasDuplicateObjects: false });
  const root = yamlDoc.contents as YAMLMap;
  for (const pair of root.items) {
    if (!isScalar(pair.key)) continue;
    const comment = sectionComment(String(pair.key.value), doc);
    if (comment === undefined) continue;
    pair.key.commentBefore = comment;
    pair.key.spaceBefore = true;
  }
  doc.criteria.forEach((criterion, i) => {
    const item = yamlDoc.getIn(['criteria', i], true);
    if (i > 0 && isMap(item)) item.spaceBefore = true;
    const [kind] = Object.keys(criterion.match);
    const values = yamlDoc.getIn(['criteria', i, 'match', kind], true);
    if ((isSeq(values) && isShortList(values.toJSON())) || (isMap(values) && kind === 'range')) values.flow = true;
  });
  const personaLists = (path: readonly (string | number)[], count: number) => {
    for (let i = 0; i < count; i++) {
      for (const key of ['seniority', 'titles']) {
        const list = yamlDoc.getIn([...path, i, key], true);
        if (isSeq(list)) list.flow = true;
      }
    }
  };
  personaLists(['personas', 'personas'], doc.personas?.personas.length ?? 0);
  personaLists(['personas', 'deals', 'personas'], doc.personas?.deals?.personas.length ?? 0);
  const body = yamlDoc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `${ICP_FILE_HEADER}\n\n${body}`;
}

/** `icp.yaml:12: criteria[2].points: expected an integer, got 12.5`. */
export function formatProblem(problem: IcpProblem): string {
  const where = problem.path === '' ? '' : `${problem.path}: `;
  return `${problem.file}:${problem.line}: ${where}${problem.message}`;
}

/** `criteria[2].points` from ['criteria', 2, 'points']; keys that are not identifiers are quoted. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

function isShortList(values: unknown): boolean {
  if (!Array.isArray(values)) return false;
  const strings = values.filter((v): v is string => typeof v === 'string');
  return strings.length === values.length && !strings.some((v) => v.includes('\n')) && strings.join(', ').length <= 60;
}

// The start of the node at `path`, or of the nearest ancestor that exists. A map entry is placed on
// its key, so that a block mapping or list value is reported where it begins, not on its first child.
function offsetOf(yamlDoc: Document, path: readonly (string | number)[]): number {
  let node: unknown = yamlDoc.contents;
  let offset = startOf(node) ?? 0;
  for (const key of path) {
    if (isAlias(node)) node = node.resolve(yamlDoc);
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(key));
      if (pair === undefined) return offset;
      offset = startOf(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number' && key < node.items.length) {
      node = node.items[key];
      offset = startOf(node) ?? offset;
    } else {
      return offset;
    }
  }
  // A scalar sits on its key's line; pointing at it gives the right column too.
  return isScalar(node) ? (startOf(node) ?? offset) : offset;
}

function startOf(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range = node.range;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
}

// Rebuilds every object with its keys in the documented order, so that a diff shows only real changes.
function icpDocumentOrdered(doc: IcpDocument): Record<string, unknown> {
  return pick(
    {
      ...doc,
      source: doc.source.map((s) => pick(s, ['name', 'role', 'rows', 'sha256', 'keys'])),
      cohort: pick(doc.cohort, ['measure', 'rule', 'size', 'total', 'share_of_value', 'unit']),
      options: doc.options === undefined ? undefined : pick(doc.options, Object.keys(doc.options).sort()),
      criteria: doc.criteria.map(orderedCriterion),
      tiers: pick(doc.tiers, ['A', 'B', 'C']),
      validation:
        doc.validation &&
        pick(doc.validation, ['method', 'folds', 'auc', 'auc_se', 'folds_with_criteria', 'tier_a_share_of_customers', 'tier_a_share_of_value', 'skipped']),
    },
    ['version', 'name', 'status', 'generated_at', 'source', 'cohort', 'options', 'criteria', 'tiers', 'validation', 'personas', 'notes'],
  );
}

const EVIDENCE_KEYS = ['cohort_count', 'rest_count', 'cohort_share', 'rest_share', 'lift', 'p_value', 'q_value', 'p_kind', 'stability'];

function orderedCriterion(criterion: Criterion): Record<string, unknown> {
  const match = 'range' in criterion.match ? { range: pick(criterion.match.range, ['min', 'max']) } : criterion.match;
  const evidence = criterion.evidence && pick(criterion.evidence, EVIDENCE_KEYS);
  return pick({ ...criterion, match, evidence }, ['column', 'attribute', 'category', 'label', 'match', 'points', 'disqualify', 'evidence']);
}

function pick<T extends object>(value: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}
