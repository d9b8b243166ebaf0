import { describe, expect, it } from 'vitest';
import { interpolate, listVariables, readEnvFile } from './compose';

describe('interpolate', () => {
  const variables = { SET: 'value', EMPTY: '' };

  it.each([
    ['${SET}', 'value'],
    ['$SET/x', 'value/x'],
    ['${MISSING:-fallback}', 'fallback'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${EMPTY-fallback}', ''],
    ['${SET:?needed}', 'value'],
    ['cost: $$5', 'cost: $5'],
    ['${MISSING}', ''],
  ])('%s → %s', (text, expected) => {
    expect(interpolate(text, variables)).toBe(expected);
  });

  it('fails on a required variable that is empty or unset, with its message', () => {
    expect(() => interpolate('${EMPTY:?set EMPTY in .env}', variables)).toThrow(
      'set EMPTY in .env',
    );
    expect(() => interpolate('${MISSING?needed}', variables)).toThrow('MISSING');
  });
});

describe('listVariables and readEnvFile', () => {
  it('finds references and documented names, commented or not', () => {
    expect([...listVariables('a ${ONE:-x} $TWO $${NOT}')]).toEqual(['ONE', 'TWO']);
    const { values, documented } = readEnvFile('# note\nA=1\n# B=2\nC=\n');
    expect(values).toEqual({ A: '1', C: '' });
    expect([...documented]).toEqual(['A', 'B', 'C']);
  });
});
