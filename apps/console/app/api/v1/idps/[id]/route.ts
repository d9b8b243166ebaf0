import { respond, respondNoContent } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';
import { deleteIdentityProvider } from '@/server/identity-providers/delete-identity-provider';
import { getIdentityProvider } from '@/server/identity-providers/get-identity-provider';
import {
  ZIdentityProviderResponse,
  ZUpdateIdentityProviderRequest,
} from '@/server/identity-providers/identity-provider.types';
import { updateIdentityProvider } from '@/server/identity-providers/update-identity-provider';
import { ZIdParams } from '@/server/shared/common.types';

export const GET = withApi(
  { auth: 'user', permission: 'read', params: ZIdParams },
  async ({ actor, params }) =>
    respond(ZIdentityProviderResponse, await getIdentityProvider(actor, params.id)),
);

export const PATCH = withApi(
  { auth: 'user', permission: 'write', params: ZIdParams, body: ZUpdateIdentityProviderRequest },
  async ({ actor, params, body }) =>
    respond(ZIdentityProviderResponse, await updateIdentityProvider(actor, params.id, body)),
);

export const DELETE = withApi(
  { auth: 'user', permission: 'write', params: ZIdParams },
  async ({ actor, params }) => {
    await deleteIdentityProvider(actor, params.id);
    return respondNoContent();
  },
);
