import type { TAttributePassRow } from '../config/attribute-pass';
import type { TRoleMapping } from '../config/role-mapping';
import type { TRule } from '../config/rule';

/**
 * CVAT's header-auth contract: `X-Email` identifies (and creates) the user, `X-Groups` carries
 * colon-separated CVAT groups of which admin > business > user > worker, highest wins.
 */
export const CVAT_ATTRIBUTE_PASS: readonly TAttributePassRow[] = [
  { field: 'email', name: 'X-Email', type: 'HEADER', join: null },
  { field: 'role', name: 'X-Groups', type: 'HEADER', join: ':' },
];

/**
 * IdP groups → CVAT groups. A user in no mapped group gets `worker`, CVAT's least privileged
 * group, so that an unknown user never lands with more rights than an admin granted.
 */
export const CVAT_ROLE_MAPPING: TRoleMapping = {
  rows: [
    { kind: 'CLAIM', claim: 'groups', operator: 'CONTAINS', value: 'cvat-admins', role: 'admin' },
    {
      kind: 'CLAIM',
      claim: 'groups',
      operator: 'CONTAINS',
      value: 'cvat-business',
      role: 'business',
    },
    { kind: 'CLAIM', claim: 'groups', operator: 'CONTAINS', value: 'cvat-users', role: 'user' },
    { kind: 'CLAIM', claim: 'groups', operator: 'CONTAINS', value: 'cvat-workers', role: 'worker' },
  ],
  defaultRole: 'worker',
};

/**
 * The "CVAT API" rule set. CVAT authenticates API clients itself (Authorization Basic/Token,
 * signed `?sign=` URLs, `POST /api/auth/login`) before it looks at identity headers, so those
 * requests pass without SSO. They pass *without* identity headers (the agent strips client
 * copies), so a forged credential only ever reaches CVAT as an anonymous, failing request.
 */
export const CVAT_API_RULES: readonly TRule[] = [
  {
    priority: 10,
    pathMatch: 'PREFIX',
    path: '/api/',
    methods: [],
    conditions: {
      headers: [{ name: 'Authorization', operator: 'SCHEME', values: ['Basic', 'Token'] }],
    },
    action: 'NOT_PROTECTED',
    description: 'CVAT API clients authenticated with Basic or Token credentials',
  },
  {
    priority: 20,
    pathMatch: 'PREFIX',
    path: '/api/',
    methods: ['GET', 'HEAD'],
    conditions: { query: [{ name: 'sign', operator: 'PRESENT' }] },
    action: 'NOT_PROTECTED',
    description: 'CVAT signed URLs (?sign=), checked by CVAT itself',
  },
  {
    priority: 30,
    pathMatch: 'EXACT',
    path: '/api/auth/login',
    methods: ['POST'],
    conditions: {},
    action: 'NOT_PROTECTED',
    description: 'CVAT API login with username and password',
  },
];

export const CVAT_PRESET = {
  attributePass: CVAT_ATTRIBUTE_PASS,
  roleMapping: CVAT_ROLE_MAPPING,
  rules: CVAT_API_RULES,
} as const;
