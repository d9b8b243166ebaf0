'use client';

import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';
import { ConfirmButton } from '../ui/confirm-button';
import { useToast } from '../ui/toast';
import type { ActionResult } from '@/ui/action-result';

/**
 * A server action behind a confirmation (revoke, remove, delete): a refusal is a toast and keeps
 * the dialog open; success is the `success` toast and a refresh, or a move to `redirectTo` when
 * the page showed what is now gone.
 */
export function ConfirmActionButton({
  action,
  success,
  redirectTo,
  ...confirm
}: Omit<ComponentProps<typeof ConfirmButton>, 'onConfirm'> & {
  action: () => Promise<ActionResult<unknown>>;
  success: string;
  redirectTo?: string;
}) {
  const router = useRouter();
  const toast = useToast();
  return (
    <ConfirmButton
      {...confirm}
      onConfirm={async () => {
        const result = await action();
        if (!result.ok) {
          toast(result.message, 'error');
          return false;
        }
        toast(success);
        if (redirectTo) router.push(redirectTo);
        else router.refresh();
      }}
    />
  );
}
