'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';

export function SignInForm({ oidcName }: { oidcName: string | null }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await signIn('credentials', { email, password, redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign('/');
      return;
    }
    setBusy(false);
    setError(
      result?.error === 'CredentialsSignin'
        ? 'Wrong e-mail or password. Check both and try again.'
        : (result?.error ?? 'Sign-in failed; try again.'),
    );
  }

  return (
    <div className="space-y-6">
      <form onSubmit={(event) => void submit(event)} noValidate className="space-y-4">
        <TextField
          label="E-mail"
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        {error && <Alert tone="error">{error}</Alert>}
        <Button type="submit" busy={busy} className="w-full">
          Sign in
        </Button>
      </form>
      {oidcName && (
        <>
          <div className="flex items-center gap-3 text-xs text-slate-400">
            <span className="h-px flex-1 bg-slate-200" /> or{' '}
            <span className="h-px flex-1 bg-slate-200" />
          </div>
          <Button
            variant="secondary"
            className="w-full"
            onClick={() => void signIn('oidc', { callbackUrl: '/' })}
          >
            Sign in with {oidcName}
          </Button>
        </>
      )}
    </div>
  );
}
