// A web address as CRMs export one: with a scheme, starting with www., or a domain followed by a path
// (linkedin.com/in/jane-doe, twitter.com/acme, acme.com/pricing). A bare domain (acme.com) is not a link:
// it is what a `Website`/`Domain` column holds (the domain role) and, in an email-domain column, a trait.
const WITH_SCHEME = /^(?:https?|ftp):\/\/[^\s/?#.]+(?:\.[^\s/?#.]+)+(?::\d+)?(?:[/?#]\S*)?$/i;
const WWW = /^www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]\S*)?$/i;
const DOMAIN_WITH_PATH = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}(?::\d+)?[/?#]\S*$/i;

/**
 * Share of a column's non-missing cells that must be URL-shaped for it to be a link column. Lower than the
 * 95% a parsed type needs: a real link column carries a minority of junk that no URL pattern reads ("none",
 * "acme", "see notes", a name typed in the wrong field), and at 95% that junk would turn it into free text or,
 * for a few repeated landing pages, into a category that derive mines. A column that only mentions a link now
 * and then (notes, a lead source with some referrer URLs) stays far below four cells in five.
 */
export const LINK_SHARE = 0.8;

/** True for a cell that is a web address: `https://acme.com/x`, `www.acme.com`, `linkedin.com/in/jane`. */
export function isUrlShaped(value: string): boolean {
  const v = value.trim();
  if (v.length < 4 || /\s/.test(v)) return false;
  return WITH_SCHEME.test(v) || WWW.test(v) || DOMAIN_WITH_PATH.test(v);
}

/** True when at least LINK_SHARE of the (non-missing) values are URL-shaped. */
export function isLinkColumn(values: readonly string[]): boolean {
  if (values.length === 0) return false;
  // Stops at the first cell that makes the share unreachable: most columns are decided in a few cells.
  const allowed = values.length - Math.ceil(LINK_SHARE * values.length);
  let others = 0;
  for (const v of values) if (!isUrlShaped(v) && ++others > allowed) return false;
  return true;
}
