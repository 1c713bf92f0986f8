import { REPORT_OPTIONS } from './report.js';
import { contactRolesOption, csvReadOptions, forceOption, formatOption, icpOption, mapOption, titlesOption } from './shared.js';
import { text } from './spec.js';

/** The page's file when -o is not given, by format. */
export const PROFILE_FILE = { html: 'icp-profile.html', md: 'icp-profile.md', json: 'icp-profile.json' } as const;

/** `icp profile`'s options, in the order help lists them. */
export const PROFILE_OPTIONS = {
  icp: icpOption(),
  customers: text(
    '--customers <file>',
    'customers/accounts export: adds the outcome sections (tiers, ICP vs non-ICP, channels), computed as icp report computes them',
  ),
  deals: { ...REPORT_OPTIONS.deals },
  leads: { ...REPORT_OPTIONS.leads },
  spend: { ...REPORT_OPTIONS.spend },
  contacts: text(
    '--contacts <file>',
    'contacts export (job titles, the company each works at): the personas section, found as icp personas finds them (needs --customers)',
  ),
  titles: titlesOption,
  contactRoles: contactRolesOption,
  output: text('-o, --output <file>', 'write the page to this file (atomically); - for stdout', {
    defaultText: `${PROFILE_FILE.html} (.md, .json by --format)`,
  }),
  format: formatOption(['html', 'md', 'json'], 'html'),
  title: text('--title <text>', 'the page title', { defaultText: "the ICP's name" }),
  force: forceOption,
  map: mapOption,
  ...csvReadOptions,
} as const;
