'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';

interface ErrorBody {
  error: { message: string; issues?: { path: string; message: string }[] };
}

export default function SignUpPage() {
  const [errors, setErrors] = useState<string[]>([]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = Object.fromEntries(form.entries());
    const response = await fetch('/api/v1/auth/sign-up', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      const { error } = (await response.json()) as ErrorBody;
      setErrors(error.issues?.map((issue) => `${issue.path}: ${issue.message}`) ?? [error.message]);
      return;
    }
    await signIn('credentials', { email: body.email, password: body.password, callbackUrl: '/' });
  }

  return (
    <main>
      <h1>Create an account</h1>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          Organization <input name="organizationName" required />
        </label>
        <label>
          Your name <input name="name" autoComplete="name" />
        </label>
        <label>
          E-mail <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password (12 characters or more){' '}
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
          />
        </label>
        <button type="submit">Create account</button>
        {errors.map((message) => (
          <p role="alert" key={message}>
            {message}
          </p>
        ))}
      </form>
    </main>
  );
}
