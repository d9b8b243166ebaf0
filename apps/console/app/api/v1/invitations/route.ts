import { createInvitation } from '@/server/accounts/create-invitation';
import {
  ZCreateInvitationRequest,
  ZCreateInvitationResponse,
  ZInvitationListResponse,
} from '@/server/accounts/invitation.types';
import { listInvitations } from '@/server/accounts/list-invitations';
import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';

export const GET = withApi({ auth: 'user', permission: 'owner' }, async ({ actor }) =>
  respond(ZInvitationListResponse, await listInvitations(actor)),
);

export const POST = withApi(
  { auth: 'user', permission: 'owner', body: ZCreateInvitationRequest },
  async ({ actor, body }) =>
    respond(ZCreateInvitationResponse, await createInvitation(actor, body), { status: 201 }),
);
