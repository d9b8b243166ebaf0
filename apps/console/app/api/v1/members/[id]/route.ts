import { ZMemberResponse, ZUpdateMemberRequest } from '@/server/accounts/member.types';
import { removeMember } from '@/server/accounts/remove-member';
import { updateMember } from '@/server/accounts/update-member';
import { respond, respondNoContent } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';
import { ZIdParams } from '@/server/shared/common.types';

export const PATCH = withApi(
  { auth: 'user', permission: 'owner', params: ZIdParams, body: ZUpdateMemberRequest },
  async ({ actor, params, body }) =>
    respond(ZMemberResponse, await updateMember(actor, params.id, body)),
);

/** Owners remove anyone; every member may remove themselves (leave). */
export const DELETE = withApi(
  { auth: 'user', permission: 'read', params: ZIdParams },
  async ({ actor, params }) => {
    await removeMember(actor, params.id);
    return respondNoContent();
  },
);
