'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export default function ConsoleError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="mx-auto max-w-xl py-12">
      <Alert tone="error" title="This page could not be loaded">
        Something went wrong on our side. Try again; if it keeps failing, quote the reference{' '}
        <code>{error.digest ?? 'n/a'}</code> when reporting it.
      </Alert>
      <div className="mt-4 flex gap-2">
        <Button variant="secondary" onClick={reset}>
          Try again
        </Button>
        <a
          href="/"
          className="inline-flex h-9 items-center px-3 text-sm text-brand-700 hover:underline"
        >
          Back to the dashboard
        </a>
      </div>
    </div>
  );
}
