import {
  DEFAULT_ASSERTION_HEADER,
  DEFAULT_RESERVED_PATH_PREFIX,
  ZApplicationConfig,
} from '@gatehouse/contract';
import { z } from 'zod';
import { ZResourceId, ZTimestamp } from '../shared/common.types';

// Field schemas come from the agents' contract, so the API refuses exactly what agents would.
const shape = ZApplicationConfig.shape;

const ZSession = z.object({
  maxAgeSeconds: shape.session.shape.maxAgeSeconds,
  idleTimeoutSeconds: shape.session.shape.idleTimeoutSeconds,
});
const ZLogout = z.object({
  singleSignOut: z.boolean(),
  postLogoutRedirectUrl: shape.logout.shape.postLogoutRedirectUrl,
});
const ZAssertion = shape.assertion;

const fields = {
  type: z.literal('WEB'),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000),
  applicationUrl: shape.applicationUrl,
  listenPort: shape.listenPort,
  upstreamServers: shape.upstreamServers,
  preserveHost: z.boolean(),
  reservedPathPrefix: shape.reservedPathPrefix,
  /** Identity providers of the same deployment users may choose from, in this order. */
  idpIds: z.array(ZResourceId).max(20),
  session: ZSession,
  logout: ZLogout,
  /** The header carrying the signed JWT of JWT attribute-pass rows, and its lifetime. */
  assertion: ZAssertion,
  /** What happens to requests no rule matches. */
  defaultAction: shape.defaultAction,
};

const DEFAULTS = {
  session: { maxAgeSeconds: 28_800, idleTimeoutSeconds: 3_600 },
  logout: { singleSignOut: false, postLogoutRedirectUrl: null },
  assertion: { headerName: DEFAULT_ASSERTION_HEADER, ttlSeconds: 60 },
};

function checkSession(
  value: { session?: { maxAgeSeconds: number; idleTimeoutSeconds: number } },
  ctx: z.RefinementCtx,
): void {
  if (value.session && value.session.idleTimeoutSeconds > value.session.maxAgeSeconds) {
    ctx.addIssue({
      code: 'custom',
      path: ['session', 'idleTimeoutSeconds'],
      message: 'must not exceed maxAgeSeconds',
    });
  }
}

export const ZCreateApplicationRequest = z
  .object({
    ...fields,
    type: fields.type.default('WEB'),
    description: fields.description.default(''),
    preserveHost: fields.preserveHost.default(false),
    reservedPathPrefix: fields.reservedPathPrefix.default(DEFAULT_RESERVED_PATH_PREFIX),
    idpIds: fields.idpIds.default([]),
    session: ZSession.default(DEFAULTS.session),
    logout: ZLogout.default(DEFAULTS.logout),
    assertion: ZAssertion.default(DEFAULTS.assertion),
    defaultAction: fields.defaultAction.default('PROTECTED'),
  })
  .superRefine(checkSession);
export type TCreateApplicationRequest = z.infer<typeof ZCreateApplicationRequest>;

/** Any subset of the fields; `session`, `logout` and `assertion` are replaced as a whole. */
export const ZUpdateApplicationRequest = z.object(fields).partial().superRefine(checkSession);
export type TUpdateApplicationRequest = z.infer<typeof ZUpdateApplicationRequest>;

export const ZApplicationResponse = z.object({
  id: z.string(),
  deploymentId: z.string(),
  ...fields,
  /** INCOMPLETE applications (no identity provider yet) are not served by agents. */
  status: z.enum(['READY', 'INCOMPLETE']),
  statusReason: z.string().nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TApplicationResponse = z.infer<typeof ZApplicationResponse>;

export const ZApplicationListResponse = z.object({ applications: z.array(ZApplicationResponse) });
export type TApplicationListResponse = z.infer<typeof ZApplicationListResponse>;
