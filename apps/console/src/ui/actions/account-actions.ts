'use server';

import { revalidatePath } from 'next/cache';
import { ZCreateApiTokenRequest } from '@/server/accounts/api-token.types';
import { createApiToken } from '@/server/accounts/create-api-token';
import { createInvitation } from '@/server/accounts/create-invitation';
import { ZCreateInvitationRequest } from '@/server/accounts/invitation.types';
import { ZUpdateMemberRequest } from '@/server/accounts/member.types';
import { removeMember } from '@/server/accounts/remove-member';
import { revokeApiToken } from '@/server/accounts/revoke-api-token';
import { revokeInvitation } from '@/server/accounts/revoke-invitation';
import { updateMember } from '@/server/accounts/update-member';
import { runAction } from '../run-action';

export async function createApiTokenAction(input: unknown) {
  const result = await runAction((actor) =>
    createApiToken(actor, ZCreateApiTokenRequest.parse(input)),
  );
  revalidatePath('/settings/api-tokens');
  return result;
}

export async function revokeApiTokenAction(id: string) {
  const result = await runAction((actor) => revokeApiToken(actor, id));
  revalidatePath('/settings/api-tokens');
  return result;
}

export async function createInvitationAction(input: unknown) {
  const result = await runAction((actor) =>
    createInvitation(actor, ZCreateInvitationRequest.parse(input)),
  );
  revalidatePath('/settings/members');
  return result;
}

export async function revokeInvitationAction(id: string) {
  const result = await runAction((actor) => revokeInvitation(actor, id));
  revalidatePath('/settings/members');
  return result;
}

export async function updateMemberAction(id: string, input: unknown) {
  const result = await runAction((actor) =>
    updateMember(actor, id, ZUpdateMemberRequest.parse(input)),
  );
  revalidatePath('/settings/members');
  return result;
}

export async function removeMemberAction(id: string) {
  const result = await runAction((actor) => removeMember(actor, id));
  revalidatePath('/settings/members');
  return result;
}
