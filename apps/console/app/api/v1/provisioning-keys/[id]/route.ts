import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';
import { ZProvisioningKeyResponse } from '@/server/provisioning-keys/provisioning-key.types';
import { revokeProvisioningKey } from '@/server/provisioning-keys/revoke-provisioning-key';
import { ZIdParams } from '@/server/shared/common.types';

/** Revokes (the row stays, marked revoked, for the audit trail); agents using it get 401. */
export const DELETE = withApi(
  { auth: 'user', permission: 'write', params: ZIdParams },
  async ({ actor, params }) =>
    respond(ZProvisioningKeyResponse, await revokeProvisioningKey(actor, params.id)),
);
