import { ZRules } from '@/server/access-policies/access-policy.types';
import { getRules } from '@/server/access-policies/get-access-policies';
import { replaceRules } from '@/server/access-policies/replace-access-policies';
import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';
import { ZIdParams } from '@/server/shared/common.types';

export const GET = withApi(
  { auth: 'user', permission: 'read', params: ZIdParams },
  async ({ actor, params }) => respond(ZRules, await getRules(actor, params.id)),
);

export const PUT = withApi(
  { auth: 'user', permission: 'write', params: ZIdParams, body: ZRules },
  async ({ actor, params, body }) => respond(ZRules, await replaceRules(actor, params.id, body)),
);
