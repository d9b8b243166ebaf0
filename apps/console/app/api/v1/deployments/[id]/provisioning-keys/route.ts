import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';
import { createProvisioningKey } from '@/server/provisioning-keys/create-provisioning-key';
import { listProvisioningKeys } from '@/server/provisioning-keys/list-provisioning-keys';
import {
  ZCreateProvisioningKeyRequest,
  ZCreateProvisioningKeyResponse,
  ZProvisioningKeyListResponse,
} from '@/server/provisioning-keys/provisioning-key.types';
import { ZIdParams } from '@/server/shared/common.types';

export const GET = withApi(
  { auth: 'user', permission: 'read', params: ZIdParams },
  async ({ actor, params }) =>
    respond(ZProvisioningKeyListResponse, await listProvisioningKeys(actor, params.id)),
);

export const POST = withApi(
  { auth: 'user', permission: 'write', params: ZIdParams, body: ZCreateProvisioningKeyRequest },
  async ({ actor, params, body }) =>
    respond(ZCreateProvisioningKeyResponse, await createProvisioningKey(actor, params.id, body), {
      status: 201,
    }),
);
