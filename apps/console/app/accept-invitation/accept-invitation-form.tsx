'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { postJson } from '@/components/forms/post-json';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import type { FieldErrors } from '@/ui/action-result';

export function AcceptInvitationForm({ token }: { token: string }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const result = await postJson<{ user: { email: string } }>('/api/v1/invitations/accept', {
      token,
      password,
      name: name.trim() || undefined,
    });
    if (!result.ok) {
      setBusy(false);
      setErrors(result.fieldErrors);
      setMessage(result.fieldErrors.token ? 'This invitation link is not valid.' : result.message);
      return;
    }
    await signIn('credentials', { email: result.data.user.email, password, callbackUrl: '/' });
  }

  if (!token) {
    return (
      <Alert tone="error" title="This link has no invitation in it">
        Open the full link you were sent, or ask the organization&apos;s owner for a new one.
      </Alert>
    );
  }
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-4">
      <TextField
        label="Your name"
        optional
        autoComplete="name"
        value={name}
        onChange={setName}
        error={errors.name}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters; for an existing account, its password."
        value={password}
        onChange={setPassword}
        error={errors.password}
      />
      {message && !errors.password && !errors.name && <Alert tone="error">{message}</Alert>}
      <Button type="submit" busy={busy} className="w-full">
        Accept invitation
      </Button>
    </form>
  );
}
