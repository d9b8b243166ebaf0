import type { Membership, User } from '@gatehouse/db';
import type { Actor } from '../api/actor';
import { getPrisma } from '../db/get-prisma';
import { toIso } from '../shared/common.types';
import type { TMemberListResponse, TMemberResponse } from './member.types';

export async function listMembers(actor: Actor): Promise<TMemberListResponse> {
  const memberships = await getPrisma().membership.findMany({
    where: { organizationId: actor.organizationId },
    include: { user: true },
    orderBy: { createdAt: 'asc' },
  });
  return { members: memberships.map(mapMember) };
}

export function mapMember(
  membership: Membership & { user: Pick<User, 'email' | 'name'> },
): TMemberResponse {
  return {
    id: membership.id,
    userId: membership.userId,
    email: membership.user.email,
    name: membership.user.name,
    role: membership.role,
    createdAt: toIso(membership.createdAt),
  };
}
