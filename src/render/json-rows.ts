/**
 * One row as a JSON object text, keys in header order. Built as text rather than through an object so
 * that a header such as `__proto__` stays an ordinary key and duplicate-free headers keep their order.
 */
export function jsonObject(header: readonly string[], cells: readonly (string | number)[]): string {
  const parts: string[] = [];
  for (let i = 0; i < header.length; i++) {
    const cell = cells[i];
    parts.push(`${JSON.stringify(header[i])}:${cell === undefined ? 'null' : JSON.stringify(cell)}`);
  }
  return `{${parts.join(',')}}`;
}
