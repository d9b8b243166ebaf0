'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Button, LinkButton } from '@/components/ui/button';

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <div className="flex gap-3">
      <Button
        busy={busy}
        onClick={() => {
          setBusy(true);
          void signOut({ callbackUrl: '/sign-in' });
        }}
      >
        Sign out
      </Button>
      <LinkButton href="/" variant="secondary">
        Stay signed in
      </LinkButton>
    </div>
  );
}
