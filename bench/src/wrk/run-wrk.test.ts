import { describe, expect, it } from 'vitest';
import { buildHeaderScript } from './run-wrk';

describe('buildHeaderScript', () => {
  // That wrk really sends them: run-wrk.integration.test.ts.
  it('sets each header as a Lua long string, so no value needs escaping', () => {
    expect(buildHeaderScript({ Cookie: 'a=1; b="x\\y"', Accept: '*/*' })).toBe(
      'wrk.headers[ [[Cookie]] ] = [[a=1; b="x\\y"]]\nwrk.headers[ [[Accept]] ] = [[*/*]]\n',
    );
  });

  it('picks brackets the value does not contain', () => {
    expect(buildHeaderScript({ X: 'a]]b]=]c' })).toBe('wrk.headers[ [[X]] ] = [==[a]]b]=]c]==]\n');
  });
});
