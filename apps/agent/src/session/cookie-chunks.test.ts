import { describe, expect, it } from 'vitest';
import { MAX_CHUNK_LENGTH, readChunkedCookie, writeChunkedCookie } from './cookie-chunks';

const attributes = { path: '/', secure: false, maxAge: 60 };

function toCookies(setCookies: string[]): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const header of setCookies) {
    const [pair = ''] = header.split(';');
    const [name = '', value = ''] = pair.split('=');
    if (!header.includes('Max-Age=0')) cookies.set(name, value);
  }
  return cookies;
}

describe('chunked cookies', () => {
  it('splits a large value and reads it back', () => {
    const value = 'x'.repeat(MAX_CHUNK_LENGTH * 2 + 10);
    const headers = writeChunkedCookie('gatehouse_a', value, new Map(), attributes);
    expect(headers).toHaveLength(3);
    expect(headers.every((header) => header.length < 4096)).toBe(true);
    expect(readChunkedCookie(toCookies(headers), 'gatehouse_a')).toBe(value);
  });

  it('deletes chunks a longer previous value left behind', () => {
    const present = new Map([
      ['gatehouse_a_0', 'x'],
      ['gatehouse_a_1', 'y'],
      ['gatehouse_a_2', 'z'],
    ]);
    const headers = writeChunkedCookie('gatehouse_a', 'short', present, attributes);
    expect(headers).toEqual([
      'gatehouse_a_0=short; Path=/; Max-Age=60; HttpOnly; SameSite=Lax',
      'gatehouse_a_1=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax',
      'gatehouse_a_2=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax',
    ]);
  });

  it('marks cookies Secure for https applications', () => {
    const [header] = writeChunkedCookie('gatehouse_a', 'v', new Map(), {
      ...attributes,
      secure: true,
    });
    expect(header).toContain('; Secure');
  });

  it('refuses a value no browser would keep, pointing at Redis', () => {
    expect(() =>
      writeChunkedCookie('gatehouse_a', 'x'.repeat(MAX_CHUNK_LENGTH * 13), new Map(), attributes),
    ).toThrow('REDIS_URL');
  });
});
