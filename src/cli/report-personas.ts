import type { IcpDocument } from '../core/icp/schema.js';
import { compileTitles } from '../core/personas/classify-title.js';
import type { ReportResult } from '../core/report/build-report.js';
import { byPersona } from '../core/report/by-persona.js';
import type { Role } from '../core/columns/roles.js';
import type { CsvReadOptions } from '../io/csv/csv-read-options.js';
import { readTable } from '../io/csv/read-table.js';
import type { CommandContext } from './context.js';
import { inputPath, readOptionsFor } from './input.js';
import { readTitles } from './titles.js';

/**
 * report --contacts: win rate by each persona of the ICP file present or absent (by_persona), on the
 * report's accounts; a note instead when the ICP file has no personas. Nothing without --contacts.
 */
export async function addPersonaReport(
  result: ReportResult,
  doc: IcpDocument,
  files: { contacts: string | undefined; titles: string | undefined; holdout: boolean },
  map: ReadonlyMap<Role, string>,
  read: CsvReadOptions,
  ctx: CommandContext,
): Promise<void> {
  if (files.contacts === undefined) return;
  if (files.holdout) {
    result.report.notes.push(
      "--contacts: not with --holdout: the ICP file's personas were found on every customer, the held-out ones included; run the report without --holdout for the win rate by persona",
    );
    return;
  }
  if (!doc.personas) {
    result.report.notes.push('--contacts: the ICP file has no personas (derive it with --contacts to find them), so there is no win rate by persona');
    return;
  }
  const contacts = await readTable(inputPath(files.contacts, ctx), readOptionsFor(files.contacts, read));
  const matcher = compileTitles(await readTitles(files.titles, ctx));
  result.report.by_persona = byPersona(result.accounts, contacts, doc.personas, matcher, map);
}
