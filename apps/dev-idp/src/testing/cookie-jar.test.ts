import { describe, expect, it } from 'vitest';

import { CookieJar } from './cookie-jar';

describe('CookieJar', () => {
  it('sends cookies by host and path, ignoring the port like a browser', () => {
    const jar = new CookieJar();
    jar.setCookie('_session=s1; path=/; httponly; samesite=lax', 'http://127.0.0.1:3001/auth');
    jar.setCookie('_interaction=i1; path=/interaction/abc', 'http://127.0.0.1:3001/auth');
    expect(jar.cookieHeaderFor('http://127.0.0.1:9772/app')).toBe('_session=s1');
    expect(jar.cookieHeaderFor('http://127.0.0.1:3001/interaction/abc/login')).toBe(
      '_interaction=i1; _session=s1',
    );
    expect(jar.cookieHeaderFor('http://127.0.0.1:3001/interaction/abcd')).toBe('_session=s1');
    expect(jar.cookieHeaderFor('http://localhost:3001/')).toBeUndefined();
  });

  it('defaults the path to the directory of the request (RFC 6265 §5.1.4)', () => {
    const jar = new CookieJar();
    jar.setCookie('a=1', 'http://example.test/one/two');
    expect(jar.get('a', 'http://example.test/one/three')).toBe('1');
    expect(jar.get('a', 'http://example.test/other')).toBeUndefined();
  });

  it('replaces a cookie and deletes it when it expires', () => {
    const jar = new CookieJar();
    jar.setCookie('a=1; Path=/', 'http://example.test/');
    jar.setCookie('a=2; Path=/', 'http://example.test/');
    expect(jar.cookieHeaderFor('http://example.test/')).toBe('a=2');
    jar.setCookie('a=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'http://example.test/');
    expect(jar.cookieHeaderFor('http://example.test/')).toBeUndefined();
    jar.setCookie('b=1; Max-Age=0', 'http://example.test/');
    expect(jar.get('b', 'http://example.test/')).toBeUndefined();
  });

  it('honours Domain for subdomains and refuses a foreign one', () => {
    const jar = new CookieJar();
    jar.setCookie('a=1; Domain=.example.test; Path=/', 'http://app.example.test/');
    jar.setCookie('evil=1; Domain=other.test; Path=/', 'http://app.example.test/');
    expect(jar.get('a', 'http://idp.example.test/')).toBe('1');
    expect(jar.get('evil', 'http://other.test/')).toBeUndefined();
  });

  it('keeps Secure cookies off plain http except on loopback', () => {
    const jar = new CookieJar();
    jar.setCookie('s=1; Secure; Path=/', 'https://example.test/');
    jar.setCookie('l=1; Secure; Path=/', 'http://localhost/');
    expect(jar.get('s', 'http://example.test/')).toBeUndefined();
    expect(jar.get('s', 'https://example.test/')).toBe('1');
    expect(jar.get('l', 'http://localhost/')).toBe('1');
  });
});
