'use server';

import { revalidatePath } from 'next/cache';
import {
  ZAttributePass,
  ZRoleMappingBody,
  ZRules,
} from '@/server/access-policies/access-policy.types';
import { applyCvatPreset } from '@/server/access-policies/apply-cvat-preset';
import {
  replaceAttributePass,
  replaceRoleMapping,
  replaceRules,
} from '@/server/access-policies/replace-access-policies';
import { ZUpdateApplicationRequest } from '@/server/applications/application.types';
import { deleteApplication } from '@/server/applications/delete-application';
import { updateApplication } from '@/server/applications/update-application';
import { checkRoleMapping } from '../check-role-mapping';
import { explainRequest } from '../explain-request';
import { runAction } from '../run-action';

export async function updateApplicationAction(id: string, input: unknown) {
  const result = await runAction((actor) =>
    updateApplication(actor, id, ZUpdateApplicationRequest.parse(input)),
  );
  revalidatePath(`/applications/${id}`);
  return result;
}

export async function deleteApplicationAction(id: string) {
  return runAction((actor) => deleteApplication(actor, id));
}

export async function replaceAttributePassAction(id: string, input: unknown) {
  const result = await runAction((actor) =>
    replaceAttributePass(actor, id, ZAttributePass.parse(input)),
  );
  revalidatePath(`/applications/${id}`);
  return result;
}

export async function replaceRulesAction(id: string, input: unknown) {
  const result = await runAction((actor) => replaceRules(actor, id, ZRules.parse(input)));
  revalidatePath(`/applications/${id}`);
  return result;
}

export async function replaceRoleMappingAction(id: string, input: unknown) {
  const result = await runAction((actor) =>
    replaceRoleMapping(actor, id, ZRoleMappingBody.parse(input)),
  );
  revalidatePath(`/applications/${id}`);
  return result;
}

export async function applyCvatPresetAction(id: string) {
  const result = await runAction((actor) => applyCvatPreset(actor, id));
  revalidatePath(`/applications/${id}`);
  return result;
}

/** Read-only tools: any signed-in member may use them; they touch no stored data. */
export async function testRequestAction(input: unknown) {
  return runAction(() => Promise.resolve(explainRequest(input)));
}

export async function checkRoleMappingAction(input: unknown) {
  return runAction(() => Promise.resolve(checkRoleMapping(input)));
}
