import { listMembers } from '@/server/accounts/list-members';
import { ZMemberListResponse } from '@/server/accounts/member.types';
import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';

export const GET = withApi({ auth: 'user', permission: 'read' }, async ({ actor }) =>
  respond(ZMemberListResponse, await listMembers(actor)),
);
