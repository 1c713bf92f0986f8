import { cycleStartText, negativeCycleText, unmatchedDealsText } from '../core/report/data-quality.js';
import type { DeriveResult } from '../core/derive/derive.js';
import type { CommandContext } from './context.js';
import { agree, plural } from '../core/plural.js';

/** Tells the user, on stderr, how the files were joined and what in them needs a look. */
export function reportDeriveWarnings(r: DeriveResult, ctx: CommandContext): void {
  const customers = r.doc.source[0]?.name;
  const deals = r.doc.source[1]?.name;
  for (const w of r.warnings) ctx.warn(w);
  if (r.join && r.dealQuality) {
    const q = r.dealQuality;
    if (!ctx.quiet) {
      ctx.stderr.write(
        `joined ${q.matched} of ${q.total} deals to ${r.customers.length} customers on ${deals}:"${r.join.dealHeader}" = ${customers}:"${r.join.customerHeader}" (${r.join.reason})\n`,
      );
    }
    if (q.unmatched > 0) {
      ctx.warn({
        file: deals,
        message: unmatchedDealsText(
          q.unmatched,
          q.withoutKey,
          q.unmatchedExamples.map((e) => JSON.stringify(e)),
          'customer',
        ),
      });
    }
    if (q.outsideWindow > 0)
      ctx.warn({
        file: deals,
        message: `${plural(q.outsideWindow, 'deal')} closed outside --since/--until (or undated) ${agree(q.outsideWindow, 'was', 'were')} left out`,
      });
    if (q.outcomeSource === 'all_won') ctx.warn({ file: deals, message: 'no deal stage or won column: every deal counts as won' });
    if (!q.hasAmount) ctx.warn({ file: deals, message: 'no amount column: best customers are those with a won deal' });
    if (q.unknownStages.length > 0) {
      const list = q.unknownStages
        .slice(0, 8)
        .map((s) => `"${s.stage}" (${s.count})`)
        .join(', ');
      ctx.warn({ file: deals, message: `stage names read as open (neither won nor lost): ${list}` });
    }
    if (q.cycleStart?.from === 'customers') ctx.warn({ file: deals, message: cycleStartText(q.cycleStart.column, customers ?? 'the customers file') });
    if (q.negativeCycles > 0)
      ctx.warn({ file: deals, message: negativeCycleText({ count: q.negativeCycles, won_excluded: q.negativeWonCycles }, q.cycleStart) });
  }
  const size = r.doc.cohort.size;
  if (size < 30) ctx.warn({ file: customers, message: `the cohort has only ${plural(size, 'customer')}: the profile is fragile` });
  if (r.doc.status === 'inconclusive') {
    ctx.warn({
      file: customers,
      message:
        r.outcome.inconclusive ??
        `no attribute separates the best customers: ${plural(r.outcome.tested, 'hypothesis', 'hypotheses')} over ${plural(r.attributes.length, 'column')} tested on ${plural(r.customers.length, 'customer')}`,
    });
  }
}
