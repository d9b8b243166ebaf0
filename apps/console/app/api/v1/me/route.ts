import { getCurrentMember } from '@/server/accounts/get-current-member';
import { ZCurrentMemberResponse } from '@/server/accounts/member.types';
import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';

export const GET = withApi({ auth: 'user', permission: 'read' }, async ({ actor }) =>
  respond(ZCurrentMemberResponse, await getCurrentMember(actor)),
);
