import { findHeader, type Role } from '../columns/roles.js';
import { noColumn } from '../columns/no-column.js';
import type { IcpDocument } from '../icp/schema.js';
import { describeTiers, tiersOf, type Tier } from '../icp/tiers.js';
import type { Table } from '../table.js';
import { OptionError } from '../../errors.js';

// What report checks of its options against the files and the ICP before it computes anything.

// `map` applies to every file of a report; an entry that names no column in any of them is a typo.
export function checkMap(map: ReadonlyMap<Role, string>, tables: readonly Pick<Table, 'name' | 'header'>[]): void {
  for (const [role, header] of map) {
    // `role=` (an empty header) removes a role from every file: it names no column.
    if (header === '' || tables.some((t) => findHeader(t.header, header) >= 0)) continue;
    const names = tables.map((t) => t.name).join(', ');
    throw noColumn(
      'map',
      header,
      names,
      tables.flatMap((t) => t.header),
      `${role}=${header}`,
    );
  }
}

/**
 * The ICP tiers among those the file has (a file may stop at A or B). The default A,B narrows silently;
 * tiers the caller named that the file lacks are returned, to be warned about.
 */
export function presentIcpTiers(doc: IcpDocument, asked: readonly Tier[] | undefined): { icpTiers: Tier[]; missingTiers: Tier[] } {
  const has = tiersOf(doc.tiers);
  const wanted = asked ?? (['A', 'B'] as const);
  const icpTiers = wanted.filter((t) => has.includes(t));
  const missingTiers = asked === undefined ? [] : asked.filter((t) => !has.includes(t));
  if (icpTiers.length === 0) {
    throw new OptionError('icpTiers', `⟨icpTiers⟩ ${wanted.join(',')}: the ICP has no such tier (its tiers: ${describeTiers(doc.tiers)}, D below)`, {
      hint: `pick among ${has.join(', ')}`,
    });
  }
  return { icpTiers, missingTiers };
}
