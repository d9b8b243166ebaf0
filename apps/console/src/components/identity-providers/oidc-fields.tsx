'use client';

import { TextField } from '../ui/field';
import type { FieldErrors } from '@/ui/action-result';
import type { IdentityProviderDraft, PresetOption } from './idp-draft';

/** Issuer, client and scopes of an OpenID Connect identity provider. */
export function OidcFields({
  value,
  onChange,
  errors,
  preset,
  secretStored,
  disabled,
}: {
  value: IdentityProviderDraft;
  onChange: (value: IdentityProviderDraft) => void;
  errors: FieldErrors;
  preset: PresetOption | undefined;
  /** Editing: a secret is stored, so an empty field keeps it. */
  secretStored: boolean;
  disabled?: boolean | undefined;
}) {
  const set = (field: 'issuer' | 'clientId' | 'clientSecret' | 'scopes') => (next: string) =>
    onChange({ ...value, [field]: next });
  return (
    <>
      <TextField
        className="md:col-span-2"
        label="Issuer"
        hint={
          preset?.issuer
            ? `${preset.label}'s issuer is always this one.`
            : `Your provider's issuer URL, e.g. ${preset?.issuerHint ?? 'https://idp.example.com'}. The console checks its discovery document.`
        }
        placeholder={preset?.issuerHint}
        value={value.issuer}
        onChange={set('issuer')}
        error={errors.issuer}
        disabled={disabled || Boolean(preset?.issuer)}
        inputClassName="font-mono"
      />
      <TextField
        label="Client ID"
        hint="From the application (client) you registered at the identity provider."
        value={value.clientId}
        onChange={set('clientId')}
        error={errors.clientId}
        disabled={disabled}
        inputClassName="font-mono"
      />
      <TextField
        label="Client secret"
        type="password"
        autoComplete="off"
        hint={
          secretStored
            ? 'Stored encrypted. Leave empty to keep it; type a new one to replace it.'
            : 'Issued with the client ID; stored encrypted and never shown again.'
        }
        value={value.clientSecret}
        onChange={set('clientSecret')}
        error={errors.clientSecret}
        disabled={disabled}
      />
      <TextField
        className="md:col-span-2"
        label="Scopes"
        hint="Space-separated; openid is required. Add groups where your provider needs it for group claims."
        value={value.scopes}
        onChange={set('scopes')}
        error={
          errors.scopes ?? Object.entries(errors).find(([path]) => path.startsWith('scopes['))?.[1]
        }
        disabled={disabled}
        inputClassName="font-mono"
      />
    </>
  );
}
