/**
 * A CSV read into memory: the unit core/ works on (io/ builds it, core/ never reads files). readTable gives
 * a ColumnTable (column-table.ts), whose `rows` is built on first use: copy a table by naming its fields,
 * not by spreading it, and read a large one through cellOf/columnOf/rowOf as derive does.
 */
export interface Table {
  /** File name as the user gave it, for messages and icp.yaml `source`. */
  name: string;
  header: string[];
  rows: string[][];
  /** The file line where each row starts, for messages; same length as rows. */
  lines: number[];
  /** sha256 of the file's bytes. */
  sha256: string;
}
