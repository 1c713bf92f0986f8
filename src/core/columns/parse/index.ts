// Per-cell parsers for the values real CRM exports contain; pure, so type inference and scoring share them.
export { isMissing } from './missing.js';
export { parseNumber, detectDecimalMark, type DecimalMark } from './number.js';
export { parseMoney, hasCurrency, type Money } from './money.js';
export {
  parseEmployeeRange,
  isEmployeeRangeString,
  employeeRangeValue,
  type EmployeeRange,
} from './employees.js';
export { parseDate, detectDateFormat, formatIsoDate, type DateOrder, type DateFormat } from './date.js';
export { parseBoolean, isBooleanColumn } from './boolean.js';
export { detectMultiSeparator, splitMulti, type MultiSeparator } from './multi.js';
