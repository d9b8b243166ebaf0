'use server';

import {
  ZUpdateApplicationRequest,
  ZCreateApplicationRequest,
} from '@/server/applications/application.types';
import { createApplication } from '@/server/applications/create-application';
import { updateApplication } from '@/server/applications/update-application';
import {
  ZCreateDeploymentRequest,
  ZUpdateDeploymentRequest,
} from '@/server/deployments/deployment.types';
import { createDeployment } from '@/server/deployments/create-deployment';
import { updateDeployment } from '@/server/deployments/update-deployment';
import {
  ZCreateIdentityProviderRequest,
  ZUpdateIdentityProviderRequest,
} from '@/server/identity-providers/identity-provider.types';
import { createIdentityProvider } from '@/server/identity-providers/create-identity-provider';
import { updateIdentityProvider } from '@/server/identity-providers/update-identity-provider';
import { createProvisioningKey } from '@/server/provisioning-keys/create-provisioning-key';
import type { ActionResult } from '@/ui/action-result';
import { runAction } from '@/ui/run-action';
import { clearWizardCookie, writeWizardCookie, type WizardState } from '@/ui/wizard-state';

// Each step saves through the same server functions as the REST API, then remembers where the
// run stands. A step revisited with "Back" updates what it created instead of creating again.

export async function saveDeploymentStep(
  state: WizardState,
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  const id = state.deployment;
  const result = await runAction(async (actor) =>
    id
      ? updateDeployment(actor, id, ZUpdateDeploymentRequest.parse(input))
      : createDeployment(actor, ZCreateDeploymentRequest.parse(input)),
  );
  if (!result.ok) return result;
  await writeWizardCookie({ ...state, step: 2, deployment: result.data.id });
  return { ok: true, data: { id: result.data.id } };
}

export async function saveApplicationStep(
  state: WizardState,
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  const deploymentId = state.deployment;
  if (!deploymentId) return missingStep('deployment');
  const result = await runAction(async (actor) =>
    state.application
      ? updateApplication(actor, state.application, ZUpdateApplicationRequest.parse(input))
      : createApplication(actor, deploymentId, ZCreateApplicationRequest.parse(input)),
  );
  if (!result.ok) return result;
  await writeWizardCookie({ ...state, step: 3, application: result.data.id });
  return { ok: true, data: { id: result.data.id } };
}

export interface IdentityProviderStepResult {
  idpId: string;
  key: { id: string; key: string; secret: string } | null;
}

/**
 * Saves the identity provider, binds it to the application (which makes the application
 * complete, so agents serve it) and, the first time, issues the provisioning key step 4 shows.
 */
export async function saveIdentityProviderStep(
  state: WizardState,
  input: unknown,
): Promise<ActionResult<IdentityProviderStepResult>> {
  const { deployment: deploymentId, application: applicationId } = state;
  if (!deploymentId || !applicationId) return missingStep('application');
  const result = await runAction(async (actor) => {
    const idp = state.idp
      ? await updateIdentityProvider(actor, state.idp, ZUpdateIdentityProviderRequest.parse(input))
      : await createIdentityProvider(
          actor,
          deploymentId,
          ZCreateIdentityProviderRequest.parse(input),
        );
    await updateApplication(actor, applicationId, { idpIds: [idp.id] });
    const key = state.key
      ? null
      : await createProvisioningKey(actor, deploymentId, { name: 'Getting started' });
    return { idpId: idp.id, key: key && { id: key.id, key: key.key, secret: key.secret } };
  });
  if (!result.ok) return result;
  await writeWizardCookie({
    ...state,
    step: 4,
    idp: result.data.idpId,
    key: result.data.key?.id ?? state.key,
  });
  return result;
}

/** A new pair when the page that showed the secret was closed before it was copied. */
export async function issueWizardKey(
  state: WizardState,
): Promise<ActionResult<{ id: string; key: string; secret: string }>> {
  const deploymentId = state.deployment;
  if (!deploymentId) return missingStep('deployment');
  const result = await runAction((actor) =>
    createProvisioningKey(actor, deploymentId, { name: 'Getting started' }),
  );
  if (!result.ok) return result;
  await writeWizardCookie({ ...state, step: 4, key: result.data.id });
  return {
    ok: true,
    data: { id: result.data.id, key: result.data.key, secret: result.data.secret },
  };
}

export async function finishWizard(): Promise<void> {
  await clearWizardCookie();
}

function missingStep(what: string): ActionResult<never> {
  return {
    ok: false,
    message: `Complete the ${what} step first: this setup no longer knows its ${what}.`,
    fieldErrors: {},
  };
}
