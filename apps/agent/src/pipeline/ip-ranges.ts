// CIDR matching moved to packages/contract/src/rules with the rule matcher that uses it.
export { compileIpRanges, unmapIpv4, type IpRanges } from '@gatehouse/contract';
