import { ZAttributePass } from '@/server/access-policies/access-policy.types';
import { getAttributePass } from '@/server/access-policies/get-access-policies';
import { replaceAttributePass } from '@/server/access-policies/replace-access-policies';
import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';
import { ZIdParams } from '@/server/shared/common.types';

export const GET = withApi(
  { auth: 'user', permission: 'read', params: ZIdParams },
  async ({ actor, params }) => respond(ZAttributePass, await getAttributePass(actor, params.id)),
);

export const PUT = withApi(
  { auth: 'user', permission: 'write', params: ZIdParams, body: ZAttributePass },
  async ({ actor, params, body }) =>
    respond(ZAttributePass, await replaceAttributePass(actor, params.id, body)),
);
