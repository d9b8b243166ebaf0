'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { postJson } from '@/components/forms/post-json';
import type { FieldErrors } from '@/ui/action-result';

export function SignUpForm() {
  const [form, setForm] = useState({ organizationName: '', name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof form) => (value: string) =>
    setForm((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const result = await postJson('/api/v1/auth/sign-up', {
      ...form,
      name: form.name.trim() || undefined,
    });
    if (!result.ok) {
      setBusy(false);
      setErrors(result.fieldErrors);
      setMessage(result.message);
      return;
    }
    await signIn('credentials', { email: form.email, password: form.password, callbackUrl: '/' });
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-4">
      <TextField
        label="Organization"
        name="organizationName"
        hint="Your company or team; members you invite join it."
        value={form.organizationName}
        onChange={set('organizationName')}
        error={errors.organizationName}
      />
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        optional
        value={form.name}
        onChange={set('name')}
        error={errors.name}
      />
      <TextField
        label="Work e-mail"
        type="email"
        name="email"
        autoComplete="username"
        value={form.email}
        onChange={set('email')}
        error={errors.email}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="new-password"
        hint="At least 12 characters."
        value={form.password}
        onChange={set('password')}
        error={errors.password}
      />
      {message && Object.keys(errors).length === 0 && <Alert tone="error">{message}</Alert>}
      <Button type="submit" busy={busy} className="w-full">
        Create account
      </Button>
    </form>
  );
}
