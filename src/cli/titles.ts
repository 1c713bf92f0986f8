import { resolve } from 'node:path';
import type { TitleDictionary } from '../core/personas/title-dictionary.js';
import { readTitleDictionary } from '../io/titles-file.js';
import type { CommandContext } from './context.js';

/** The title dictionary a personas command reads: the shipped one, with --titles over it. */
export function readTitles(titles: string | undefined, ctx: CommandContext): Promise<TitleDictionary> {
  return readTitleDictionary(titles === undefined ? undefined : { path: resolve(ctx.cwd, titles), shown: titles });
}
