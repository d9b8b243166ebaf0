import { ZApiTokenResponse } from '@/server/accounts/api-token.types';
import { revokeApiToken } from '@/server/accounts/revoke-api-token';
import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';
import { ZIdParams } from '@/server/shared/common.types';

/** Revokes (the row stays, marked revoked, for the audit trail). */
export const DELETE = withApi(
  { auth: 'user', permission: 'read', params: ZIdParams },
  async ({ actor, params }) => respond(ZApiTokenResponse, await revokeApiToken(actor, params.id)),
);
