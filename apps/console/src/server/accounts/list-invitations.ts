import { requirePermission, type Actor } from '../api/actor';
import { getPrisma } from '../db/get-prisma';
import type { TInvitationListResponse } from './invitation.types';
import { mapInvitation } from './map-invitation';

export async function listInvitations(actor: Actor): Promise<TInvitationListResponse> {
  requirePermission(actor, 'owner');
  const invitations = await getPrisma().invitation.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: { createdAt: 'desc' },
  });
  return { invitations: invitations.map(mapInvitation) };
}
