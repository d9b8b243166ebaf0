'use client';

import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { ShownOnce, type ShownOnceProps } from '../ui/shown-once';
import type { ActionResult, FieldErrors } from '@/ui/action-result';

/**
 * Issuing a secret (a provisioning key, an API token, an invitation link) through a server
 * action: busy state, the field errors of a refusal, and what was issued, kept in this page's
 * state only, since the console cannot show it again.
 */
export function useIssue<T>(fallbackField: string) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<T | null>(null);

  /** Runs the action; true once it issued, so the caller can clear its fields. */
  async function issue(run: () => Promise<ActionResult<T>>): Promise<boolean> {
    setBusy(true);
    const result = await run();
    setBusy(false);
    if (!result.ok) {
      // A refusal no field names (a conflict, an ended session) shows under `fallbackField`.
      setErrors(
        Object.keys(result.fieldErrors).length
          ? result.fieldErrors
          : { [fallbackField]: result.message },
      );
      return false;
    }
    setErrors({});
    setIssued(result.data);
    router.refresh();
    return true;
  }
  return { errors, busy, issued, issue };
}

/** The fields and submit button on one row (from md up), and what was issued shown below. */
export function IssueForm({
  columns,
  submitLabel,
  busy,
  onSubmit,
  shownOnce,
  children,
}: {
  /** The row's Tailwind grid columns from md up: one per field, then the button's. */
  columns: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: () => void;
  shownOnce: Omit<ShownOnceProps, 'className'> | null;
  children: ReactNode;
}) {
  return (
    <>
      <form
        noValidate
        className={cn('grid items-start gap-4', columns)}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <Button type="submit" busy={busy} className="md:mt-6">
          {submitLabel}
        </Button>
      </form>
      {shownOnce && <ShownOnce {...shownOnce} className="mt-4" />}
    </>
  );
}
