import { revokeInvitation } from '@/server/accounts/revoke-invitation';
import { respondNoContent } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';
import { ZIdParams } from '@/server/shared/common.types';

export const DELETE = withApi(
  { auth: 'user', permission: 'owner', params: ZIdParams },
  async ({ actor, params }) => {
    await revokeInvitation(actor, params.id);
    return respondNoContent();
  },
);
