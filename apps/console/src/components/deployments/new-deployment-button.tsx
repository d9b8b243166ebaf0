'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { createDeploymentAction } from '@/ui/actions/deployment-actions';
import { Button } from '../ui/button';
import { TextAreaField, TextField } from '../ui/field';
import { PlusIcon } from '../ui/icons';
import type { FieldErrors } from '@/ui/action-result';

export function NewDeploymentButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  async function create() {
    setBusy(true);
    const result = await createDeploymentAction({ name, description });
    setBusy(false);
    if (!result.ok) {
      setErrors({
        ...result.fieldErrors,
        ...(Object.keys(result.fieldErrors).length ? {} : { name: result.message }),
      });
      return;
    }
    dialog.current?.close();
    router.push(`/deployments/${result.data.id}`);
  }
  return (
    <>
      <Button onClick={() => dialog.current?.showModal()}>
        <PlusIcon className="size-4" /> New deployment
      </Button>
      <dialog
        ref={dialog}
        aria-label="New deployment"
        className="m-auto w-full max-w-lg rounded-lg border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <div className="space-y-4 px-6 pt-5 pb-4">
            <h2 className="text-base font-semibold text-slate-900">New deployment</h2>
            <TextField
              label="Name"
              hint="e.g. production"
              value={name}
              onChange={setName}
              error={errors.name}
            />
            <TextAreaField
              label="Description"
              optional
              value={description}
              onChange={setDescription}
              error={errors.description}
            />
          </div>
          <div className="flex justify-end gap-2 rounded-b-lg border-t border-slate-200 bg-slate-50 px-6 py-3">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" busy={busy}>
              Create deployment
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
