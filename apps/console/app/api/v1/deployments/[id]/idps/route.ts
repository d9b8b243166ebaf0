import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';
import { createIdentityProvider } from '@/server/identity-providers/create-identity-provider';
import {
  ZCreateIdentityProviderRequest,
  ZIdentityProviderListResponse,
  ZIdentityProviderResponse,
} from '@/server/identity-providers/identity-provider.types';
import { listIdentityProviders } from '@/server/identity-providers/list-identity-providers';
import { ZIdParams } from '@/server/shared/common.types';

export const GET = withApi(
  { auth: 'user', permission: 'read', params: ZIdParams },
  async ({ actor, params }) =>
    respond(ZIdentityProviderListResponse, await listIdentityProviders(actor, params.id)),
);

export const POST = withApi(
  { auth: 'user', permission: 'write', params: ZIdParams, body: ZCreateIdentityProviderRequest },
  async ({ actor, params, body }) =>
    respond(ZIdentityProviderResponse, await createIdentityProvider(actor, params.id, body), {
      status: 201,
    }),
);
