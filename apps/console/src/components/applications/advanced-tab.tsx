'use client';

import { useState } from 'react';
import { FormMessage } from '../forms/form-message';
import { useSave } from '../forms/use-save';
import { Button } from '../ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '../ui/card';
import { DescriptionList } from '../ui/description-list';
import { CheckboxField, SelectField, TextField } from '../ui/field';
import { ACTION_LABEL } from './rule-draft';
import { updateApplicationAction } from '@/ui/actions/application-actions';
import type { TApplicationResponse } from '@/server/applications/application.types';

const FIELDS = [
  'session',
  'logout',
  'reservedPathPrefix',
  'preserveHost',
  'defaultAction',
  'assertion',
];

function toNumber(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

export function AdvancedTab({ app, writer }: { app: TApplicationResponse; writer: boolean }) {
  const [form, setForm] = useState({
    maxAge: String(app.session.maxAgeSeconds / 60),
    idle: String(app.session.idleTimeoutSeconds / 60),
    singleSignOut: app.logout.singleSignOut,
    postLogout: app.logout.postLogoutRedirectUrl ?? '',
    prefix: app.reservedPathPrefix,
    preserveHost: app.preserveHost,
    defaultAction: app.defaultAction,
  });
  const { errors, message, busy, save } = useSave();
  const set =
    <K extends keyof typeof form>(field: K) =>
    (value: (typeof form)[K]) =>
      setForm({ ...form, [field]: value });

  if (!writer) {
    return (
      <Card>
        <CardHeader title="Advanced" />
        <CardBody>
          <DescriptionList
            items={[
              { label: 'Session lifetime', value: `${app.session.maxAgeSeconds / 60} minutes` },
              { label: 'Idle timeout', value: `${app.session.idleTimeoutSeconds / 60} minutes` },
              { label: 'Single sign-out', value: app.logout.singleSignOut ? 'Yes' : 'No' },
              {
                label: 'After sign-out',
                value: app.logout.postLogoutRedirectUrl ?? 'the application URL',
              },
              { label: 'Reserved path prefix', value: <code>{app.reservedPathPrefix}</code> },
              { label: 'Preserve Host', value: app.preserveHost ? 'Yes' : 'No' },
              { label: 'Default action', value: ACTION_LABEL[app.defaultAction] },
            ]}
          />
        </CardBody>
      </Card>
    );
  }

  function submit() {
    // Minutes in the form, seconds in the API; a non-number is sent as NaN so the API names it.
    void save(
      () =>
        updateApplicationAction(app.id, {
          session: {
            maxAgeSeconds: toNumber(form.maxAge) * 60,
            idleTimeoutSeconds: toNumber(form.idle) * 60,
          },
          logout: {
            singleSignOut: form.singleSignOut,
            postLogoutRedirectUrl: form.postLogout.trim() || null,
          },
          reservedPathPrefix: form.prefix.trim(),
          preserveHost: form.preserveHost,
          defaultAction: form.defaultAction,
        }),
      'Advanced settings saved',
    );
  }
  return (
    <Card>
      <CardHeader
        title="Advanced"
        description="Sessions, sign-out, the agent's own paths and how requests reach the upstream."
      />
      <CardBody className="space-y-8 py-6">
        <FormMessage
          message={message}
          errors={errors}
          placed={(path) => FIELDS.some((field) => path.startsWith(field))}
        />
        <section className="grid gap-5 md:grid-cols-2">
          <h3 className="text-sm font-semibold text-slate-900 md:col-span-2">Session</h3>
          <TextField
            label="Session lifetime (minutes)"
            hint="After this users sign in again, however active they are."
            value={form.maxAge}
            onChange={set('maxAge')}
            error={errors['session.maxAgeSeconds']}
          />
          <TextField
            label="Idle timeout (minutes)"
            hint="A session unused this long ends; at most the lifetime."
            value={form.idle}
            onChange={set('idle')}
            error={errors['session.idleTimeoutSeconds']}
          />
        </section>
        <section className="grid gap-5 md:grid-cols-2">
          <h3 className="text-sm font-semibold text-slate-900 md:col-span-2">Sign-out</h3>
          <CheckboxField
            label="Single sign-out"
            hint="Signing out of the application also signs out at the identity provider."
            checked={form.singleSignOut}
            onChange={set('singleSignOut')}
          />
          <TextField
            label="After sign-out, go to"
            optional
            hint="Empty: back to the application URL."
            value={form.postLogout}
            onChange={set('postLogout')}
            error={errors['logout.postLogoutRedirectUrl']}
            inputClassName="font-mono"
          />
        </section>
        <section className="grid gap-5 md:grid-cols-2">
          <h3 className="text-sm font-semibold text-slate-900 md:col-span-2">Routing</h3>
          <TextField
            label="Reserved path prefix"
            hint="The agent's own paths (login, callback, logout) live under it; /datawiza for CVAT's SSO fork."
            value={form.prefix}
            onChange={set('prefix')}
            error={errors.reservedPathPrefix}
            inputClassName="font-mono"
          />
          <SelectField
            label="Default action"
            hint="For paths no rule matches."
            value={form.defaultAction}
            onChange={(value) => set('defaultAction')(value as typeof form.defaultAction)}
            options={[
              { value: 'PROTECTED', label: 'Protected (sign-in required)' },
              { value: 'NOT_PROTECTED', label: 'Not protected' },
              { value: 'DENY', label: 'Deny' },
            ]}
            error={errors.defaultAction}
          />
          <CheckboxField
            label="Preserve Host"
            hint="Send the browser's Host header upstream (Traefik in front of CVAT routes on it)."
            checked={form.preserveHost}
            onChange={set('preserveHost')}
          />
        </section>
      </CardBody>
      <CardFooter>
        <Button busy={busy} onClick={submit}>
          Save advanced settings
        </Button>
      </CardFooter>
    </Card>
  );
}
