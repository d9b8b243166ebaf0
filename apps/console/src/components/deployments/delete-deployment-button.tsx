'use client';

import { ConfirmActionButton } from '../forms/confirm-action-button';
import { deleteDeploymentAction } from '@/ui/actions/deployment-actions';

export function DeleteDeploymentButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmActionButton
      label="Delete deployment"
      triggerVariant="secondary"
      size="md"
      title={`Delete ${name}?`}
      description="Its applications, identity providers and provisioning keys are deleted too. Its agents stop serving within a second. This cannot be undone."
      confirmLabel="Delete deployment"
      action={() => deleteDeploymentAction(id)}
      success={`Deployment ${name} deleted`}
      redirectTo="/deployments"
    />
  );
}
