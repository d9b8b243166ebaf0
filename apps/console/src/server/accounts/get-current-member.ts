import type { Actor } from '../api/actor';
import { getPrisma } from '../db/get-prisma';
import type { TCurrentMemberResponse } from './member.types';

export async function getCurrentMember(actor: Actor): Promise<TCurrentMemberResponse> {
  const prisma = getPrisma();
  const [user, organization] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: actor.userId } }),
    prisma.organization.findUniqueOrThrow({ where: { id: actor.organizationId } }),
  ]);
  return {
    user: { id: user.id, email: user.email, name: user.name },
    organization: { id: organization.id, name: organization.name, slug: organization.slug },
    role: actor.role,
    apiTokenId: actor.apiTokenId,
  };
}
