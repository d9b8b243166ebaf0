import type { Invitation } from '@gatehouse/db';
import { toIso } from '../shared/common.types';
import type { TInvitationResponse } from './invitation.types';

export function mapInvitation(invitation: Omit<Invitation, 'tokenHash'>): TInvitationResponse {
  const expired = invitation.expiresAt.getTime() <= Date.now();
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status: invitation.acceptedAt ? 'ACCEPTED' : expired ? 'EXPIRED' : 'PENDING',
    invitedById: invitation.invitedById,
    createdAt: toIso(invitation.createdAt),
    expiresAt: toIso(invitation.expiresAt),
    acceptedAt: toIso(invitation.acceptedAt),
  };
}
