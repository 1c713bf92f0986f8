import type { Place } from '../errors.js';

/** A problem that does not stop the run: reported on stderr and, where a command has one, in its output. */
export interface Warning extends Place {
  message: string;
}

export type WarningSink = (warning: Warning) => void;

/** A sink that keeps warnings for tests and for commands that report them as data. */
export function collectWarnings(): { sink: WarningSink; warnings: Warning[] } {
  const warnings: Warning[] = [];
  return { sink: (w) => warnings.push(w), warnings };
}
