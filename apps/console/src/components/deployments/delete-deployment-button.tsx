'use client';

import { useRouter } from 'next/navigation';
import { ConfirmButton } from '../ui/confirm-button';
import { useToast } from '../ui/toast';
import { deleteDeploymentAction } from '@/ui/actions/deployment-actions';

export function DeleteDeploymentButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const toast = useToast();
  return (
    <ConfirmButton
      label="Delete deployment"
      triggerVariant="secondary"
      size="md"
      title={`Delete ${name}?`}
      description="Its applications, identity providers and provisioning keys are deleted too. Its agents stop serving within a second. This cannot be undone."
      confirmLabel="Delete deployment"
      onConfirm={async () => {
        const result = await deleteDeploymentAction(id);
        if (!result.ok) {
          toast(result.message, 'error');
          return false;
        }
        toast(`Deployment ${name} deleted`);
        router.push('/deployments');
      }}
    />
  );
}
