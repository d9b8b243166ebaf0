import { isIP } from 'node:net';

export interface ParsedCidr {
  family: 4 | 6;
  address: string;
  prefixLength: number;
}

/**
 * Parses `10.0.0.0/8`, `2001:db8::/32` or a bare address (a /32 or /128).
 * Returns an error message instead of throwing so validation can report every problem at once.
 */
export function parseCidr(value: string): ParsedCidr | string {
  const [address = '', prefix, extra] = value.split('/');
  if (extra !== undefined) return `"${value}" is not a CIDR block`;
  const family = isIP(address);
  if (family !== 4 && family !== 6) return `"${address}" is not an IP address`;
  const maxLength = family === 4 ? 32 : 128;
  if (prefix === undefined) return { family, address, prefixLength: maxLength };
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > maxLength) {
    return `prefix length "/${prefix}" must be between 0 and ${maxLength}`;
  }
  return { family, address, prefixLength: Number(prefix) };
}
