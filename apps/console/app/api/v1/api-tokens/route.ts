import {
  ZApiTokenListResponse,
  ZCreateApiTokenRequest,
  ZCreateApiTokenResponse,
} from '@/server/accounts/api-token.types';
import { createApiToken } from '@/server/accounts/create-api-token';
import { listApiTokens } from '@/server/accounts/list-api-tokens';
import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';

export const GET = withApi({ auth: 'user', permission: 'read' }, async ({ actor }) =>
  respond(ZApiTokenListResponse, await listApiTokens(actor)),
);

/** Every member may hold tokens; a token acts with at most its creator's role. */
export const POST = withApi(
  { auth: 'user', permission: 'read', body: ZCreateApiTokenRequest },
  async ({ actor, body }) =>
    respond(ZCreateApiTokenResponse, await createApiToken(actor, body), { status: 201 }),
);
