import { describe, expect, it } from 'vitest';
import { resolveReturnUrl } from './return-url';

const origin = 'https://cvat.example';

describe('resolveReturnUrl', () => {
  it.each([
    ['/tasks?page=2#top', 'https://cvat.example/tasks?page=2#top'],
    ['https://cvat.example/jobs/1', 'https://cvat.example/jobs/1'],
    ['/a/../b', 'https://cvat.example/b'],
  ])('keeps same-origin %s', (rd, expected) => {
    expect(resolveReturnUrl(rd, origin)).toBe(expected);
  });

  it.each([
    '//evil.example',
    '//evil.example/path',
    'https:evil.example',
    'https://evil.example',
    'https://cvat.example.evil.example/',
    'https://cvat.example@evil.example/',
    'http://cvat.example/',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/.//evil.example',
    'javascript:alert(1)',
    'evil.example',
    '',
    null,
    undefined,
  ])('replaces %j by the application root', (rd) => {
    expect(resolveReturnUrl(rd, origin)).toBe('https://cvat.example/');
  });

  it('never produces a Location that leaves the origin, whatever the input', () => {
    const tricky = [
      '//',
      '/%2F/evil.example',
      '/%5Cevil.example',
      '/%09/evil.example',
      '/%252F%252Fevil.example',
    ];
    for (const rd of tricky) {
      const resolved = resolveReturnUrl(rd, origin);
      expect(new URL(resolved).origin).toBe(origin);
      expect(resolved.startsWith(`${origin}//`)).toBe(false);
    }
  });
});
