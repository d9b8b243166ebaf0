import { ZRoleMappingBody } from '@/server/access-policies/access-policy.types';
import { getRoleMapping } from '@/server/access-policies/get-access-policies';
import { replaceRoleMapping } from '@/server/access-policies/replace-access-policies';
import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';
import { ZIdParams } from '@/server/shared/common.types';

export const GET = withApi(
  { auth: 'user', permission: 'read', params: ZIdParams },
  async ({ actor, params }) => respond(ZRoleMappingBody, await getRoleMapping(actor, params.id)),
);

export const PUT = withApi(
  { auth: 'user', permission: 'write', params: ZIdParams, body: ZRoleMappingBody },
  async ({ actor, params, body }) =>
    respond(ZRoleMappingBody, await replaceRoleMapping(actor, params.id, body)),
);
