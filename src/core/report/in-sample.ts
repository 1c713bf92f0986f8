import type { IcpDocument } from '../icp/schema.js';
import { keyOverlap } from '../profile/key-signature.js';

/** More than this share of the report's customers seen by the derive makes the report in-sample. */
export const IN_SAMPLE_OVERLAP = 0.5;

/**
 * Whether a report runs on rows the ICP was derived from: an input file is byte-identical to a source of
 * the ICP file (same sha256), or more than half of the report's customer keys were in the derive's customers
 * (bottom-k sketch estimate against the one the ICP file records), unless the report's window starts after
 * the derive's last day. `overlap` is null without a signature.
 */
export function inSample(
  doc: IcpDocument,
  inputs: readonly { sha256: string }[],
  keys: readonly string[],
  since?: number,
): { in_sample: boolean; overlap: number | null } {
  const sameFile = doc.source.some((s) => inputs.some((i) => i.sha256.toLowerCase() === s.sha256.toLowerCase()));
  const signed = doc.source.find((s) => s.role === 'customers' && s.keys)?.keys;
  const estimate = signed ? keyOverlap(signed, keys) : null;
  const overlap = estimate === null ? null : Math.round(estimate * 100) / 100;
  // Deals closed after the derive's last day are outcomes it never saw, whoever the customers are.
  const after = since !== undefined && since > derivedUntil(doc);
  return { in_sample: !after && (sameFile || (overlap !== null && overlap > IN_SAMPLE_OVERLAP)), overlap };
}

/** The last moment the derive could see: its recorded --until, else when the file was generated. */
function derivedUntil(doc: IcpDocument): number {
  const until = doc.options?.until;
  const day = typeof until === 'string' ? Date.parse(`${until}T23:59:59.999Z`) : NaN;
  const at = Number.isNaN(day) ? Date.parse(doc.generated_at) : day;
  return Number.isNaN(at) ? Infinity : at;
}
