import { BlockList, isIP } from 'node:net';
import { parseCidr } from '../checks/cidr';

/** A set of CIDR blocks, matched with Node's BlockList (no per-request parsing). */
export interface IpRanges {
  includes(address: string): boolean;
}

export function compileIpRanges(cidrs: readonly string[]): IpRanges {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const parsed = parseCidr(cidr);
    if (typeof parsed === 'string') throw new Error(`Invalid CIDR block "${cidr}": ${parsed}.`);
    list.addSubnet(parsed.address, parsed.prefixLength, parsed.family === 4 ? 'ipv4' : 'ipv6');
  }
  return {
    includes(address) {
      const plain = unmapIpv4(address);
      const family = isIP(plain);
      if (family === 0) return false;
      return list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/** `::ffff:10.0.0.1` (how a dual-stack socket reports IPv4 peers) → `10.0.0.1`. */
export function unmapIpv4(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
