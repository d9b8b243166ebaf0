'use server';

import { revalidatePath } from 'next/cache';
import { createApplication } from '@/server/applications/create-application';
import { ZCreateApplicationRequest } from '@/server/applications/application.types';
import { createDeployment } from '@/server/deployments/create-deployment';
import { deleteDeployment } from '@/server/deployments/delete-deployment';
import { ZCreateDeploymentRequest } from '@/server/deployments/deployment.types';
import { createIdentityProvider } from '@/server/identity-providers/create-identity-provider';
import { deleteIdentityProvider } from '@/server/identity-providers/delete-identity-provider';
import {
  ZCreateIdentityProviderRequest,
  ZUpdateIdentityProviderRequest,
} from '@/server/identity-providers/identity-provider.types';
import { updateIdentityProvider } from '@/server/identity-providers/update-identity-provider';
import { createProvisioningKey } from '@/server/provisioning-keys/create-provisioning-key';
import { ZCreateProvisioningKeyRequest } from '@/server/provisioning-keys/provisioning-key.types';
import { revokeProvisioningKey } from '@/server/provisioning-keys/revoke-provisioning-key';
import { runAction } from '@/ui/run-action';

export async function createDeploymentAction(input: unknown) {
  const result = await runAction((actor) =>
    createDeployment(actor, ZCreateDeploymentRequest.parse(input)),
  );
  revalidatePath('/', 'layout');
  return result;
}

export async function deleteDeploymentAction(id: string) {
  const result = await runAction((actor) => deleteDeployment(actor, id));
  revalidatePath('/', 'layout');
  return result;
}

export async function createApplicationAction(deploymentId: string, input: unknown) {
  return runAction((actor) =>
    createApplication(actor, deploymentId, ZCreateApplicationRequest.parse(input)),
  );
}

export async function createIdentityProviderAction(deploymentId: string, input: unknown) {
  return runAction((actor) =>
    createIdentityProvider(actor, deploymentId, ZCreateIdentityProviderRequest.parse(input)),
  );
}

export async function updateIdentityProviderAction(id: string, input: unknown) {
  const result = await runAction((actor) =>
    updateIdentityProvider(actor, id, ZUpdateIdentityProviderRequest.parse(input)),
  );
  revalidatePath(`/identity-providers/${id}`);
  return result;
}

export async function deleteIdentityProviderAction(id: string) {
  const result = await runAction((actor) => deleteIdentityProvider(actor, id));
  revalidatePath('/deployments');
  return result;
}

export async function createProvisioningKeyAction(deploymentId: string, input: unknown) {
  const result = await runAction((actor) =>
    createProvisioningKey(actor, deploymentId, ZCreateProvisioningKeyRequest.parse(input)),
  );
  revalidatePath(`/deployments/${deploymentId}`);
  return result;
}

export async function revokeProvisioningKeyAction(id: string) {
  const result = await runAction((actor) => revokeProvisioningKey(actor, id));
  revalidatePath('/deployments');
  return result;
}
