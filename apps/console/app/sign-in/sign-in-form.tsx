'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';

export function SignInForm({ oidcName }: { oidcName: string | null }) {
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await signIn('credentials', {
      email: form.get('email'),
      password: form.get('password'),
      redirect: false,
    });
    if (result?.ok) window.location.assign('/');
    else
      setError(
        result?.error === 'CredentialsSignin'
          ? 'Wrong e-mail or password.'
          : (result?.error ?? 'Sign-in failed.'),
      );
  }

  return (
    <>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          E-mail <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password{' '}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit">Sign in</button>
        {error && <p role="alert">{error}</p>}
      </form>
      {oidcName && (
        <button type="button" onClick={() => void signIn('oidc', { callbackUrl: '/' })}>
          Sign in with {oidcName}
        </button>
      )}
    </>
  );
}
