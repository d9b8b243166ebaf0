import { acceptInvitation } from '@/server/accounts/accept-invitation';
import {
  ZAcceptInvitationRequest,
  ZAcceptInvitationResponse,
} from '@/server/accounts/invitation.types';
import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';

export const POST = withApi(
  { auth: 'none', body: ZAcceptInvitationRequest },
  async ({ body, meta }) => respond(ZAcceptInvitationResponse, await acceptInvitation(body, meta)),
);
