'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useToast } from '../ui/toast';
import type { ActionResult, FieldErrors } from '@/ui/action-result';

/**
 * Saving an editor through a server action: busy state, the field errors of a refusal (API
 * paths), a toast on success and a refresh so server-rendered parts show the saved state.
 */
export function useSave() {
  const router = useRouter();
  const toast = useToast();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save<T>(run: () => Promise<ActionResult<T>>, success: string): Promise<T | null> {
    setBusy(true);
    try {
      const result = await run();
      if (!result.ok) {
        setErrors(result.fieldErrors);
        setMessage(result.message);
        return null;
      }
      setErrors({});
      setMessage(null);
      toast(success);
      router.refresh();
      return result.data;
    } finally {
      setBusy(false);
    }
  }
  return { errors, message, busy, save };
}
