'use client';

import { SelectField, TextAreaField, TextField } from '../ui/field';
import type { FieldErrors } from '@/ui/action-result';
import type { ApplicationDraft } from './application-draft';
import { UpstreamRows } from './upstream-rows';

/** The application's network profile, each field with the one line that explains it. */
export function ApplicationFields({
  value,
  onChange,
  errors,
  disabled,
}: {
  value: ApplicationDraft;
  onChange: (value: ApplicationDraft) => void;
  errors: FieldErrors;
  disabled?: boolean;
}) {
  const set =
    <K extends keyof ApplicationDraft>(field: K) =>
    (next: ApplicationDraft[K]) =>
      onChange({ ...value, [field]: next });
  return (
    <div className="grid gap-5 md:grid-cols-2">
      <SelectField
        label="App type"
        hint="WEB: a browser application your users sign in to."
        value="WEB"
        onChange={() => {}}
        options={[{ value: 'WEB', label: 'WEB' }]}
        disabled={disabled}
        error={errors.type}
      />
      <TextField
        label="Name"
        hint="How the application appears in the console, e.g. cvat."
        value={value.name}
        onChange={set('name')}
        error={errors.name}
        disabled={disabled}
      />
      <TextAreaField
        className="md:col-span-2"
        label="Description"
        optional
        rows={2}
        hint="For your team: what this application is and who uses it."
        value={value.description}
        onChange={set('description')}
        error={errors.description}
        disabled={disabled}
      />
      <TextField
        label="Application URL"
        hint="What users type in the address bar, e.g. http://localhost:9772 (include a non-standard port)."
        placeholder="https://cvat.example.com"
        value={value.applicationUrl}
        onChange={set('applicationUrl')}
        error={errors.applicationUrl}
        disabled={disabled}
        inputClassName="font-mono"
      />
      <TextField
        label="Listen port"
        hint="The port the agent listens on; usually the Application URL's port unless a load balancer is in front."
        value={value.listenPort}
        onChange={set('listenPort')}
        error={errors.listenPort}
        disabled={disabled}
        inputClassName="font-mono"
      />
      <div className="md:col-span-2">
        <UpstreamRows
          values={value.upstreamServers}
          onChange={set('upstreamServers')}
          errors={errors}
          disabled={disabled}
        />
      </div>
    </div>
  );
}
