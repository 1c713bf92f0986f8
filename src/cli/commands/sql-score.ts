import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Role } from '../../core/columns/roles.js';
import type { IcpDocument } from '../../core/icp/schema.js';
import { compileIcp, type CompiledIcp, SAMPLE_ROWS } from '../../core/score/compile.js';
import { DIALECT } from '../../core/sql/dialects.js';
import { DIALECTS } from '../../core/sql/dialect.js';
import { dbtModel } from '../../core/sql/dbt-model.js';
import { scoreSql } from '../../core/sql/score-sql.js';
import { UsageError } from '../../errors.js';
import { openCsv, takeSample } from '../../io/csv/csv-reader.js';
import { writeFileAtomic } from '../../io/output/atomic-write.js';
import type { CommandInput } from '../command-module.js';
import type { CommandContext } from '../context.js';
import { csvOptions, inputPath } from '../input.js';
import { loadIcpText } from '../load-icp.js';
import type { SQL_SCORE_OPTIONS } from '../options/sql.js';
import type { OptionValues } from '../options/spec.js';
import { compileForFile } from '../compile-for-file.js';

type Values = OptionValues<typeof SQL_SCORE_OPTIONS>;

/**
 * The criteria bound to the table's columns. With --columns-from, as icp score binds them to that export
 * (header, roles, --map; decimal marks and date orders from its first rows); without, each reads the
 * column the ICP file names, or the one --map gives its role.
 */
async function bind(doc: IcpDocument, o: Values, ctx: CommandContext): Promise<{ compiled: CompiledIcp; columns: (string | undefined)[]; sampled: boolean }> {
  const map: ReadonlyMap<Role, string> = new Map([...o.map].filter(([, header]) => header !== ''));
  if (o.columnsFrom === undefined) {
    const header = [...new Set([...doc.criteria.map((c) => c.column), ...map.values()])];
    const compiled = compileIcp(doc, header, [], map);
    return { compiled, columns: compiled.criteria.map((c) => (c.column === undefined ? undefined : header[c.column])), sampled: false };
  }
  const file = await openCsv(inputPath(o.columnsFrom, ctx), { ...csvOptions(o, ctx), sha256: false });
  try {
    const { sample } = await takeSample(file.batches()[Symbol.asyncIterator](), SAMPLE_ROWS);
    const compiled = compileForFile(doc, file, sample, o.map, ctx);
    return { compiled, columns: compiled.criteria.map((c) => (c.column === undefined ? undefined : file.header[c.column])), sampled: true };
  } finally {
    file.close();
  }
}

/** `icp sql score`: the ICP as one SELECT over the leads table, scoring as icp score does. */
export async function run({ options: o }: CommandInput<typeof SQL_SCORE_OPTIONS>, ctx: CommandContext): Promise<number> {
  if (o.dialect === undefined || o.table === undefined) {
    throw new UsageError('icp sql score needs --dialect <name> and --table <name>', { hint: `dialects: ${DIALECTS.join(', ')}` });
  }
  const output = o.output ?? '-';
  const { doc, text: icpText } = await loadIcpText(o.icp, ctx);
  const sha256 = createHash('sha256').update(icpText).digest('hex');
  const { compiled, columns, sampled } = await bind(doc, o, ctx);
  const d = DIALECT[o.dialect];
  const sql = scoreSql(d, { compiled, columns, table: o.table, explain: o.explain, sha256, guessDates: !sampled });
  const text = o.format === 'dbt' ? dbtModel(sql, { icp: o.icp, dialect: d.name, table: o.table }) : sql;
  if (output === '-') ctx.stdout.write(text);
  else await writeFileAtomic(resolve(ctx.cwd, output), text, { displayPath: output, overwrite: o.force });
  return 0;
}
