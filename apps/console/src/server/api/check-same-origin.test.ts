import { describe, expect, it } from 'vitest';
import { checkSameOrigin } from './check-same-origin';

const ORIGIN = 'https://console.example.test';

function request(method: string, headers: Record<string, string>): Request {
  return new Request(`${ORIGIN}/api/v1/deployments`, { method, headers });
}

describe('checkSameOrigin', () => {
  it('lets reads through and accepts same-origin mutations', () => {
    expect(() => checkSameOrigin(request('GET', {}), ORIGIN)).not.toThrow();
    expect(() =>
      checkSameOrigin(request('POST', { 'sec-fetch-site': 'same-origin' }), ORIGIN),
    ).not.toThrow();
    expect(() => checkSameOrigin(request('DELETE', { origin: ORIGIN }), ORIGIN)).not.toThrow();
  });

  it.each([
    ['no headers at all', {}],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.test' }],
    ['a same-site sibling', { 'sec-fetch-site': 'same-site', origin: ORIGIN }],
    ['another origin', { origin: 'https://evil.test' }],
    ['a null origin', { origin: 'null' }],
  ])('refuses %s', (_case, headers) => {
    expect(() => checkSameOrigin(request('PUT', headers), ORIGIN)).toThrow('cross-site');
  });
});
