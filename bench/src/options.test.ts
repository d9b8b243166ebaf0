import { describe, expect, it } from 'vitest';
import { parseOptions } from './options';

describe('bench options', () => {
  it('passes node flags to the agents, and none by default', () => {
    expect(parseOptions([]).nodeOptions).toEqual([]);
    expect(
      parseOptions(['--node-options= --max-semi-space-size=4  --max-old-space-size=256 '])
        .nodeOptions,
    ).toEqual(['--max-semi-space-size=4', '--max-old-space-size=256']);
  });

  it('refuses what is not a node flag, saying what it got', () => {
    expect(() => parseOptions(['--node-options', 'semi=4'])).toThrow(/not "semi=4"/);
  });
});
