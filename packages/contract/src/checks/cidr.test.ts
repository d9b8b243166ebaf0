import { describe, expect, it } from 'vitest';
import { parseCidr } from './cidr';

describe('parseCidr', () => {
  it('parses IPv4 and IPv6 blocks and bare addresses', () => {
    expect(parseCidr('10.0.0.0/8')).toEqual({ family: 4, address: '10.0.0.0', prefixLength: 8 });
    expect(parseCidr('2001:db8::/32')).toEqual({
      family: 6,
      address: '2001:db8::',
      prefixLength: 32,
    });
    expect(parseCidr('127.0.0.1')).toEqual({ family: 4, address: '127.0.0.1', prefixLength: 32 });
  });

  it.each(['10.0.0.0/33', '::/129', '10.0.0.0/-1', '10.0.0/8', 'a/b/c', '10.0.0.0/'])(
    'refuses %s with a message',
    (value) => {
      expect(typeof parseCidr(value)).toBe('string');
    },
  );
});
