import type { TRuleConditions } from '../config/rule-conditions';
import { compileIpRanges } from './ip-ranges';
import { compileTimeWindow } from './time-window';

/** Lower-cased header names, as Node's IncomingHttpHeaders has them. */
export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** What request conditions look at; `query` is parsed only if some rule asks. */
export interface RequestFacts {
  method: string;
  path: string;
  headers: RequestHeaders;
  search: string;
  clientAddress: string;
  now: () => Date;
}

/** The query string, parsed the first time a rule asks about it, once per request. */
export class QueryReader {
  #parsed: URLSearchParams | undefined;
  constructor(private readonly search: string) {}

  has(name: string): boolean {
    // Without a query string there is nothing to parse (the common case on every API path).
    if (this.search.length <= 1) return false;
    this.#parsed ??= new URLSearchParams(this.search);
    return this.#parsed.has(name);
  }
}

export type RequestCondition = (facts: RequestFacts, query: QueryReader) => boolean;

/**
 * Request conditions decide whether a rule applies at all. Within one kind any entry may match;
 * every kind present must match. Returns null when the rule has none.
 */
export function compileRequestConditions(conditions: TRuleConditions): RequestCondition | null {
  const checks: RequestCondition[] = [];
  // Plain loops below: these run per request, and a callback per call is a closure per call.
  if (conditions.headers?.length) {
    const headerChecks = conditions.headers.map(compileHeaderCondition);
    checks.push((facts) => {
      for (const check of headerChecks) if (check(facts.headers)) return true;
      return false;
    });
  }
  if (conditions.query?.length) {
    const names = conditions.query.map((condition) => condition.name);
    checks.push((_facts, query) => {
      for (const name of names) if (query.has(name)) return true;
      return false;
    });
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
  return (facts, query) => {
    for (const check of checks) if (!check(facts, query)) return false;
    return true;
  };
}

type HeaderCondition = NonNullable<TRuleConditions['headers']>[number];

function compileHeaderCondition(condition: HeaderCondition) {
  const name = condition.name.toLowerCase();
  const { values } = condition;
  const test = compileValueTest(condition.operator, values);
  return (headers: RequestHeaders): boolean => {
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
