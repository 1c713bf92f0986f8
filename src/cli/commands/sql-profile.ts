import { resolve } from 'node:path';
import { mapFor } from '../../core/columns/file-maps.js';
import { DIALECT } from '../../core/sql/dialects.js';
import { DIALECTS } from '../../core/sql/dialect.js';
import { profileColumns } from '../../core/sql/profile-columns.js';
import { type ProfileSqlInput, profileSql } from '../../core/sql/profile-sql.js';
import { UsageError } from '../../errors.js';
import { readTable } from '../../io/csv/read-table.js';
import { writeFileAtomic } from '../../io/output/atomic-write.js';
import type { CommandInput } from '../command-module.js';
import type { CommandContext } from '../context.js';
import { csvOptions, inputPath, oneStdin, readOptionsFor } from '../input.js';
import type { SQL_PROFILE_OPTIONS } from '../options/sql.js';
import type { OptionValues } from '../options/spec.js';

type Values = OptionValues<typeof SQL_PROFILE_OPTIONS>;
type Found = { customerKey: string; deals: Omit<ProfileSqlInput['deals'], 'table'> };

/** Without exports of the tables, every column the join reads is named: --key c=d, and --map for the deals' roles. */
function named(o: Values): Found {
  const key = o.key;
  if (key === undefined || key.none || key.deal === undefined) {
    throw new UsageError('without --customers-from and --deals-from, name the join columns with --key <customer column>=<deal column>', {
      hint: "and the deals' columns with --map deal_stage=<header> (or won=), amount=, close_date=, created_date=; or give CSV exports of both tables",
    });
  }
  const map = o.map;
  return {
    customerKey: key.customer,
    deals: {
      key: key.deal,
      stage: map.get('deal_stage') || undefined,
      won: map.get('won') || undefined,
      amount: map.get('amount') || undefined,
      created: map.get('created_date') || undefined,
      closed: map.get('close_date') || undefined,
      decimal: '.',
      createdOrder: 'ymd',
      closedOrder: 'ymd',
    },
  };
}

/** The join's columns from exports of both tables, found as derive finds them; or as named. */
async function columnsOf(o: Values, ctx: CommandContext): Promise<Found> {
  if (o.customersFrom === undefined && o.dealsFrom === undefined) return named(o);
  if (o.customersFrom === undefined || o.dealsFrom === undefined) {
    throw new UsageError('give --customers-from and --deals-from together', { hint: 'the join column is found on both exports' });
  }
  oneStdin({ '--customers-from': o.customersFrom, '--deals-from': o.dealsFrom });
  const read = csvOptions(o, ctx);
  const table = (path: string) => readTable(inputPath(path, ctx), readOptionsFor(path, read));
  const key = o.key?.none ? undefined : o.key;
  return profileColumns(await table(o.customersFrom), await table(o.dealsFrom), { map: mapFor('records', o.map), key });
}

/** `icp sql profile`: derive's join of the deals to the customers and its sums per customer, as one query. */
export async function run({ options: o }: CommandInput<typeof SQL_PROFILE_OPTIONS>, ctx: CommandContext): Promise<number> {
  if (o.dialect === undefined || o.customers === undefined || o.deals === undefined) {
    throw new UsageError('icp sql profile needs --dialect <name>, --customers <table> and --deals <table>', { hint: `dialects: ${DIALECTS.join(', ')}` });
  }
  if (o.since !== undefined && o.until !== undefined && o.since > o.until) {
    throw new UsageError('--since is after --until', { hint: 'the window is --since <first day> --until <last day>' });
  }
  const found = await columnsOf(o, ctx);
  const sql = profileSql(DIALECT[o.dialect], {
    customers: { table: o.customers, key: found.customerKey },
    deals: { table: o.deals, ...found.deals },
    window: { since: o.since, until: o.until },
  });
  const output = o.output ?? '-';
  if (output === '-') ctx.stdout.write(sql);
  else await writeFileAtomic(resolve(ctx.cwd, output), sql, { displayPath: output, overwrite: o.force });
  return 0;
}
