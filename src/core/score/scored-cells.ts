/**
 * An output row of `icp score`: the input cells, then the score columns at the header's positions. A short
 * row is padded with empty cells; a malformed long row keeps its extra cells after the score columns.
 */
export function scoredCells(cells: readonly string[], score: readonly string[], fields: number): string[] {
  if (cells.length === fields) return [...cells, ...score];
  const padded = cells.length < fields ? [...cells, ...new Array<string>(fields - cells.length).fill('')] : cells.slice(0, fields);
  return [...padded, ...score, ...cells.slice(fields)];
}
