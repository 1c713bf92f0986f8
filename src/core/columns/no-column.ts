import { OptionError } from '../../errors.js';

/** The error when an option names a column a file does not have, e.g. `⟨exclude⟩: no column "X" in file`, the columns listed. */
export function noColumn(option: string, name: string, file: string | undefined, header: readonly string[], given = ''): OptionError {
  return new OptionError(option, `⟨${option}⟩${given ? ` ${given}` : ''}: no column "${name}"${file ? ` in ${file}` : ''}`, {
    hint: `columns: ${header.map((h) => JSON.stringify(h)).join(', ')}`,
  });
}
