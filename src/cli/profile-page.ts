import { buildProfilePage, type PageInput } from '../core/page/build-page.js';
import type { ProfilePage } from '../core/page/page-types.js';
import { writeFileAtomic } from '../io/output/atomic-write.js';
import { renderProfileHtml } from '../render/profile/html.js';
import { renderProfileMarkdown } from '../render/profile/markdown.js';
import { resolve } from 'node:path';
import type { ColumnInfo } from '../core/columns/infer.js';
import type { Role } from '../core/columns/roles.js';
import type { IcpDocument } from '../core/icp/schema.js';
import type { StreamedDeals } from '../core/report/streamed-deals.js';
import { typed } from '../core/report/typed-table.js';
import type { Table } from '../core/table.js';
import type { CommandContext } from './context.js';

export type PageFormat = 'html' | 'md' | 'json';

/** The page in its format. */
export function renderPage(page: ProfilePage, format: PageFormat): string {
  if (format === 'json') return `${JSON.stringify(page, null, 2)}\n`;
  return format === 'md' ? renderProfileMarkdown(page) : renderProfileHtml(page);
}

/**
 * Builds the profile page and writes it atomically to `path` (shown as `shown`): the one way icp profile,
 * derive --profile and review write a page. Returns the page.
 */
export async function writeProfilePage(
  path: string,
  shown: string,
  input: Omit<PageInput, 'generatedAt'>,
  format: PageFormat,
  ctx: CommandContext,
): Promise<ProfilePage> {
  const page = buildProfilePage({ ...input, generatedAt: ctx.now().toISOString() });
  await writeFileAtomic(path, renderPage(page, format), { displayPath: shown });
  return page;
}

/** The page's format by its file name: .md, .json, else HTML. */
export function formatOf(file: string): PageFormat {
  return file.endsWith('.md') ? 'md' : file.endsWith('.json') ? 'json' : 'html';
}

/** derive --profile: the page of the ICP just derived, as icp profile draws it from the ICP file alone. */
export async function writeDerivedProfile(file: string, doc: IcpDocument, icpFile: string, ctx: CommandContext): Promise<void> {
  const format = formatOf(file);
  await writeProfilePage(resolve(ctx.cwd, file), file, { doc, icpFile }, format, ctx);
  if (!ctx.quiet) ctx.stderr.write(`wrote ${file} (${format}): the one-page ICP document\n`);
}

/** The typed columns of the files a page is drawn from (customers, then deals), for its gaps. */
export function filesColumns(customers: Table, deals: Table | StreamedDeals | undefined, map: ReadonlyMap<Role, string> | undefined): ColumnInfo[] {
  const m = map ?? new Map<Role, string>();
  if (deals && 'joined' in deals) return [...deals.customers.columns, ...deals.columns];
  return [...typed(customers, m).columns, ...(deals ? typed(deals, m).columns : [])];
}
