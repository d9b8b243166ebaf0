'use client';

import { useRouter } from 'next/navigation';
import { ConfirmButton } from '../ui/confirm-button';
import { useToast } from '../ui/toast';
import { applyCvatPresetAction, deleteApplicationAction } from '@/ui/actions/application-actions';

export function ApplicationActions({
  id,
  name,
  deploymentId,
}: {
  id: string;
  name: string;
  deploymentId: string;
}) {
  const router = useRouter();
  const toast = useToast();
  return (
    <>
      <ConfirmButton
        label="Apply CVAT preset"
        triggerVariant="secondary"
        variant="primary"
        size="md"
        title="Apply the CVAT preset?"
        description={
          <>
            <p>
              Replaces this application&apos;s attribute pass, role mapping and rules with
              CVAT&apos;s header-auth setup: <code>X-Email</code> and <code>X-Groups</code> (joined
              with
              <code>:</code>), IdP groups <code>cvat-admins</code>… mapped to CVAT groups, and the
              “CVAT API” rules that let Basic/Token clients and signed URLs through.
            </p>
          </>
        }
        confirmLabel="Apply preset"
        onConfirm={async () => {
          const result = await applyCvatPresetAction(id);
          if (!result.ok) {
            toast(result.message, 'error');
            return false;
          }
          toast('CVAT preset applied');
          router.refresh();
        }}
      />
      <ConfirmButton
        label="Delete"
        triggerVariant="ghost"
        size="md"
        title={`Delete ${name}?`}
        description="Agents stop serving it within a second. Its attribute pass, rules and role mapping are deleted too. This cannot be undone."
        confirmLabel="Delete application"
        onConfirm={async () => {
          const result = await deleteApplicationAction(id);
          if (!result.ok) {
            toast(result.message, 'error');
            return false;
          }
          toast(`${name} deleted`);
          router.push(`/deployments/${deploymentId}`);
        }}
      />
    </>
  );
}
