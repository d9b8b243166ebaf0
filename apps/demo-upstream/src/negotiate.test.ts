import { describe, expect, it } from 'vitest';
import { prefersJson } from './negotiate';

describe('prefersJson', () => {
  it('follows ?format= over Accept', () => {
    expect(prefersJson('text/html', 'format=json')).toBe(true);
    expect(prefersJson('application/json', 'a=1&format=html')).toBe(false);
  });

  it('gives browsers and curl the page', () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    expect(prefersJson(browser, '')).toBe(false);
    expect(prefersJson('*/*', '')).toBe(false);
    expect(prefersJson(undefined, '')).toBe(false);
  });

  it('gives JSON when Accept ranks it above HTML', () => {
    expect(prefersJson('application/json', '')).toBe(true);
    expect(prefersJson('text/html;q=0.5, application/json', '')).toBe(true);
    expect(prefersJson('application/json;q=0.5, text/html', '')).toBe(false);
  });
});
