import type { CellValue } from '../../src/core/columns/cell-value.js';
import type { ColumnInfo, ColumnType } from '../../src/core/columns/infer.js';
import type { Role } from '../../src/core/columns/roles.js';
import { attributeColumn } from '../../src/core/derive/attribute-column.js';
import { encodeColumn, type EncodedColumn } from '../../src/core/derive/encode.js';
import { sampleOf, type Sample } from '../../src/core/derive/search-types.js';

/** An encoded attribute column built from values, for engine unit tests. */
export function encoded(index: number, header: string, type: ColumnType, values: (CellValue | null)[], role?: Role): EncodedColumn {
  const info: ColumnInfo = { index, header, role, type, notes: [], ...(type === 'multi' && { separator: ';' as const }) };
  return encodeColumn(index, attributeColumn(info, values));
}

/** The sample of every row, with the given cohort labels. */
export function everyRow(cohort: readonly boolean[]): Sample {
  return sampleOf(
    Int32Array.from(cohort.keys()),
    Uint8Array.from(cohort, (c) => (c ? 1 : 0)),
  );
}
