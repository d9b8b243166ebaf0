import type { IncomingHttpHeaders } from 'node:http';
import type { TRuleConditions } from '@gatehouse/contract';
import { compileIpRanges } from '../ip-ranges';
import { compileTimeWindow } from './time-window';

/** What request conditions look at; `query` is parsed only if some rule asks. */
export interface RequestFacts {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  search: string;
  clientAddress: string;
  now: () => Date;
}

export type RequestCondition = (facts: RequestFacts, query: () => URLSearchParams) => boolean;

/**
 * Request conditions decide whether a rule applies at all. Within one kind any entry may match;
 * every kind present must match. Returns null when the rule has none.
 */
export function compileRequestConditions(conditions: TRuleConditions): RequestCondition | null {
  const checks: RequestCondition[] = [];
  if (conditions.headers?.length) {
    const headerChecks = conditions.headers.map(compileHeaderCondition);
    checks.push((facts) => headerChecks.some((check) => check(facts.headers)));
  }
  if (conditions.query?.length) {
    const names = conditions.query.map((condition) => condition.name);
    checks.push((_facts, query) => names.some((name) => query().has(name)));
  }
  if (conditions.sourceIps?.length) {
    const ranges = compileIpRanges(conditions.sourceIps);
    checks.push((facts) => ranges.includes(facts.clientAddress));
  }
  if (conditions.timeWindows?.length) {
    const windows = conditions.timeWindows.map(compileTimeWindow);
    checks.push((facts) => {
      const now = facts.now();
      return windows.some((window) => window(now));
    });
  }
  if (checks.length === 0) return null;
  return (facts, query) => checks.every((check) => check(facts, query));
}

type HeaderCondition = NonNullable<TRuleConditions['headers']>[number];

function compileHeaderCondition(condition: HeaderCondition) {
  const name = condition.name.toLowerCase();
  const { values } = condition;
  const test = compileValueTest(condition.operator, values);
  return (headers: IncomingHttpHeaders): boolean => {
    const raw = headers[name];
    if (raw === undefined) return false;
    return test(Array.isArray(raw) ? raw.join(', ') : raw);
  };
}

function compileValueTest(operator: HeaderCondition['operator'], values: readonly string[]) {
  switch (operator) {
    case 'PRESENT':
      return () => true;
    case 'EQUALS':
      return (value: string) => values.includes(value);
    case 'PREFIX':
      return (value: string) => values.some((prefix) => value.startsWith(prefix));
    case 'SCHEME': {
      // RFC 9110 §11.1: the auth-scheme is a case-insensitive token before the credentials.
      const schemes = new Set(values.map((scheme) => scheme.toLowerCase()));
      return (value: string) => {
        const trimmed = value.trimStart();
        const space = trimmed.indexOf(' ');
        const scheme = space === -1 ? trimmed : trimmed.slice(0, space);
        return schemes.has(scheme.toLowerCase());
      };
    }
  }
}
