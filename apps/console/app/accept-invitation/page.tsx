'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';

interface AcceptResponse {
  user?: { email: string };
  error?: { message: string };
}

export default function AcceptInvitationPage() {
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const token = new URLSearchParams(window.location.search).get('token') ?? '';
    const password = form.get('password');
    if (typeof password !== 'string') return;
    const response = await fetch('/api/v1/invitations/accept', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password, name: form.get('name') || undefined }),
    });
    const body = (await response.json()) as AcceptResponse;
    if (!response.ok || !body.user) {
      setError(body.error?.message ?? 'Could not accept the invitation.');
      return;
    }
    await signIn('credentials', { email: body.user.email, password, callbackUrl: '/' });
  }

  return (
    <main>
      <h1>Join an organization</h1>
      <p>Choose a password (or enter your existing account’s password) to accept.</p>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          Your name <input name="name" autoComplete="name" />
        </label>
        <label>
          Password{' '}
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
          />
        </label>
        <button type="submit">Accept invitation</button>
        {error && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}
