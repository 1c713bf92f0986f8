import { UsageError } from '../../errors.js';

/**
 * A delimiter option as one character: `tab` and `\t` (backslash, t) mean a tab; anything longer, or a
 * quote, CR, LF or BOM, is a usage error. Shared by --input-delimiter and --delimiter.
 */
export function normalizeDelimiter(delimiter: string, flag = 'delimiter'): string {
  const named = delimiter === 'tab' || delimiter === '\\t' ? '\t' : delimiter;
  if ([...named].length !== 1 || /["\r\n\uFEFF]/.test(named)) {
    throw new UsageError(`invalid ${flag} ${JSON.stringify(delimiter)}`, { hint: 'use one character such as , ; | or tab' });
  }
  return named;
}
