/** `1 deal`, `3 deals`: a count with its noun in the number it needs (`many` when not an -s plural). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The verb for a count: `has` for 1, `have` for others. */
export function agree(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
