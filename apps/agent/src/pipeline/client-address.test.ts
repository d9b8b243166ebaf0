import { describe, expect, it } from 'vitest';
import { buildForwardedFor, findClientAddress } from './client-address';
import { compileIpRanges } from './ip-ranges';

const trusted = compileIpRanges(['10.0.0.0/8', '::1']);

describe('findClientAddress', () => {
  it('uses the peer when it is not a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(findClientAddress('203.0.113.7', '10.1.1.1', trusted)).toBe('203.0.113.7');
    expect(findClientAddress('::ffff:203.0.113.7', undefined, trusted)).toBe('203.0.113.7');
  });

  it('walks X-Forwarded-For from the right through trusted proxies only', () => {
    expect(findClientAddress('10.0.0.2', '198.51.100.1, 203.0.113.7, 10.0.0.9', trusted)).toBe(
      '203.0.113.7',
    );
    expect(findClientAddress('::1', '203.0.113.7', trusted)).toBe('203.0.113.7');
  });

  it('stops at garbage instead of believing it', () => {
    expect(findClientAddress('10.0.0.2', '203.0.113.7, not-an-ip', trusted)).toBe('10.0.0.2');
  });

  it('ignores X-Forwarded-For entirely with no trusted proxies', () => {
    expect(findClientAddress('10.0.0.2', '203.0.113.7', null)).toBe('10.0.0.2');
  });
});

describe('buildForwardedFor', () => {
  it('appends the peer to a trusted chain and replaces an untrusted one', () => {
    expect(buildForwardedFor('10.0.0.2', '203.0.113.7', trusted)).toBe('203.0.113.7, 10.0.0.2');
    expect(buildForwardedFor('198.51.100.1', '203.0.113.7', trusted)).toBe('198.51.100.1');
  });
});

describe('compileIpRanges', () => {
  it('matches IPv4, IPv6 and IPv4-mapped addresses', () => {
    const ranges = compileIpRanges(['192.168.0.0/16', '2001:db8::/32']);
    expect(ranges.includes('192.168.4.2')).toBe(true);
    expect(ranges.includes('::ffff:192.168.4.2')).toBe(true);
    expect(ranges.includes('2001:db8::1')).toBe(true);
    expect(ranges.includes('192.169.0.1')).toBe(false);
    expect(ranges.includes('garbage')).toBe(false);
  });
});
