import { describe, expect, it } from 'vitest';
import { isBooleanColumn, parseBoolean } from '../../../../src/core/columns/parse/boolean.js';

describe('parseBoolean', () => {
  it.each(['true', 'TRUE', 'True', 'yes', 'Yes', 'y', 'Y', 't', '1', 'on', 'ON', 'checked', 'x', 'X', ' yes ', '\u2713'])('reads %j as true', (raw) =>
    expect(parseBoolean(raw)).toBe(true),
  );

  it.each(['false', 'FALSE', 'no', 'No', 'n', 'N', 'f', '0', 'off', 'unchecked', ' false '])('reads %j as false', (raw) =>
    expect(parseBoolean(raw)).toBe(false),
  );

  it.each(['', ' ', 'N/A', '2', '-1', '1.0', '01', 'yess', 'nope', 'maybe', 'Won', 'None', 'truthy', 'xx', 'yes please'])('rejects %j', (raw) =>
    expect(parseBoolean(raw)).toBeNull(),
  );
});

describe('isBooleanColumn', () => {
  it.each([
    [['true', 'false', 'TRUE']],
    [['Yes', 'No', '', 'yes']],
    [['1', '0', '0', '1']],
    [['1', '1', '']],
    [['x', '', '', 'x']],
    [['TRUE', '', 'FALSE', 'N/A']],
    [['Yes', 'Y', 'No', 'N']],
    [['checked', 'unchecked']],
  ])('sees a boolean column in %j', (values) => {
    expect(isBooleanColumn(values)).toBe(true);
  });

  it.each([[['1', '0', '2']], [['yes', 'no', 'maybe']], [['']], [[]], [['', 'N/A', '-']], [['yes', 'y', 'true', 'no']], [['M', 'F']], [['Won', 'Lost']]])(
    'sees no boolean column in %j',
    (values) => {
      expect(isBooleanColumn(values)).toBe(false);
    },
  );
});
