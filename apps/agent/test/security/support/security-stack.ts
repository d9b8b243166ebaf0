// The application every agent attack suite aims at: the CVAT sample with a Not-protected prefix,
// a Deny prefix and an attribute pass that uses every kind of identity the agent can send
// (headers, one named with `_`, a cookie, and the signed assertion).
import type { TApplicationConfig, TAttributePassRow, TRule } from '@gatehouse/contract';
import { CVAT_ATTRIBUTE_PASS } from '@gatehouse/contract';
import { createSessionKeyring } from '../../../src/session/session-keyring';
import {
  startTestStack,
  type TestStack,
  type TestStackOptions,
} from '../../../src/pipeline/testing/start-test-stack';

export const PUBLIC_PREFIX = '/public';
export const DENIED_PREFIX = '/admin';

export const SECURITY_RULES: TRule[] = [
  {
    priority: 1,
    pathMatch: 'PREFIX',
    path: PUBLIC_PREFIX,
    methods: [],
    conditions: {},
    action: 'NOT_PROTECTED',
    description: 'public pages',
  },
  {
    priority: 2,
    pathMatch: 'PREFIX',
    path: DENIED_PREFIX,
    methods: [],
    conditions: {},
    action: 'DENY',
    description: 'never through the proxy',
  },
];

export const IDENTITY_COOKIE = 'gh_email';

export const SECURITY_ATTRIBUTE_PASS: TAttributePassRow[] = [
  ...CVAT_ATTRIBUTE_PASS,
  { field: 'username', name: 'X_Remote_User', type: 'HEADER', join: null },
  { field: 'email', name: IDENTITY_COOKIE, type: 'COOKIE', join: null },
  { field: 'groups', name: 'groups', type: 'JWT', join: null },
];

export const ASSERTION_HEADER = 'X-Gatehouse-Jwt-Assertion';

/** Every header the agent sets from identity, as configured (attribute pass + assertion). */
export const IDENTITY_HEADERS = [
  ...SECURITY_ATTRIBUTE_PASS.filter((row) => row.type === 'HEADER').map((row) => row.name),
  ASSERTION_HEADER,
];

/** How the agent (and many servers) compare header names: case-blind, `_` equal to `-`. */
export function canonicalName(name: string): string {
  return name.toLowerCase().replaceAll('_', '-');
}

export const SECURITY_APPLICATION: Partial<TApplicationConfig> = {
  rules: SECURITY_RULES,
  attributePass: SECURITY_ATTRIBUTE_PASS,
  assertion: { headerName: ASSERTION_HEADER, ttlSeconds: 60 },
};

export function startSecurityStack(options: TestStackOptions = {}): Promise<TestStack> {
  return startTestStack({
    ...options,
    application: { ...SECURITY_APPLICATION, ...options.application },
  });
}

/** The payloads of the agent's own cookies in `setCookies` whose name matches `pattern`. */
export async function openAgentCookies(
  stack: TestStack,
  setCookies: readonly string[],
  pattern: RegExp,
): Promise<unknown[]> {
  const keyring = createSessionKeyring(stack.config.sessionKeys);
  const opened: unknown[] = [];
  for (const header of setCookies) {
    const pair = header.split(';')[0] ?? '';
    const equals = pair.indexOf('=');
    if (!pattern.test(pair.slice(0, equals)) || equals === pair.length - 1) continue;
    opened.push(await keyring.open(pair.slice(equals + 1)));
  }
  return opened;
}
