'use client';

import { useRef, useState, type ReactNode } from 'react';
import { Button, type ButtonSize, type ButtonVariant } from './button';

/**
 * A destructive action behind a modal confirmation (<dialog>: focus moves into it, Escape
 * cancels, focus returns to the button afterwards).
 */
export function ConfirmButton({
  label,
  title,
  description,
  confirmLabel,
  onConfirm,
  variant = 'danger',
  triggerVariant = 'ghost',
  size = 'sm',
}: {
  label: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<boolean | void>;
  variant?: ButtonVariant;
  triggerVariant?: ButtonVariant;
  size?: ButtonSize;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    try {
      const result = await onConfirm();
      if (result !== false) dialog.current?.close();
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button variant={triggerVariant} size={size} onClick={() => dialog.current?.showModal()}>
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={undefined}
        aria-label={title}
        className="m-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="px-6 pt-5 pb-4">
          <h2 className="text-base font-semibold text-slate-900">{title}</h2>
          <div className="mt-2 text-sm text-slate-600">{description}</div>
        </div>
        <div className="flex justify-end gap-2 rounded-b-lg border-t border-slate-200 bg-slate-50 px-6 py-3">
          <Button variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </Button>
          <Button variant={variant} busy={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
