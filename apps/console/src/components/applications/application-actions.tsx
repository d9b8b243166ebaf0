'use client';

import { ConfirmActionButton } from '../forms/confirm-action-button';
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
  return (
    <>
      <ConfirmActionButton
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
        action={() => applyCvatPresetAction(id)}
        success="CVAT preset applied"
      />
      <ConfirmActionButton
        label="Delete"
        triggerVariant="ghost"
        size="md"
        title={`Delete ${name}?`}
        description="Agents stop serving it within a second. Its attribute pass, rules and role mapping are deleted too. This cannot be undone."
        confirmLabel="Delete application"
        action={() => deleteApplicationAction(id)}
        success={`${name} deleted`}
        redirectTo={`/deployments/${deploymentId}`}
      />
    </>
  );
}
