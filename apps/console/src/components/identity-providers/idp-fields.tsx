'use client';

import { SelectField, TextField } from '../ui/field';
import type { FieldErrors } from '@/ui/action-result';
import type { IdentityProviderDraft, PresetOption } from './idp-draft';

export function IdentityProviderFields({
  value,
  onChange,
  errors,
  presets,
  secretStored = false,
  disabled,
}: {
  value: IdentityProviderDraft;
  onChange: (value: IdentityProviderDraft) => void;
  errors: FieldErrors;
  presets: readonly PresetOption[];
  /** Editing: a secret is stored, so an empty field keeps it. */
  secretStored?: boolean;
  disabled?: boolean;
}) {
  const preset = presets.find((option) => option.id === value.provider) ?? presets[0];
  const set = (field: keyof IdentityProviderDraft) => (next: string) =>
    onChange({ ...value, [field]: next });

  function choosePreset(id: string) {
    const next = presets.find((option) => option.id === id);
    if (!next) return;
    const nameWasPreset = presets.some((option) => option.label === value.name) || !value.name;
    onChange({
      ...value,
      provider: id,
      name: nameWasPreset ? next.label : value.name,
      issuer: next.issuer ?? (preset?.issuer === value.issuer ? '' : value.issuer),
      scopes: next.scopes.join(' '),
    });
  }

  return (
    <div className="grid gap-5 md:grid-cols-2">
      <TextField
        label="Name"
        hint="A name your team recognizes, e.g. Google Workspace."
        value={value.name}
        onChange={set('name')}
        error={errors.name}
        disabled={disabled}
      />
      <SelectField
        label="Protocol"
        hint="OpenID Connect: what Google, Entra ID, Okta, Auth0 and Keycloak speak."
        value="OIDC"
        onChange={() => {}}
        options={[{ value: 'OIDC', label: 'OpenID Connect (OIDC)' }]}
        error={errors.protocol}
        disabled={disabled}
      />
      <SelectField
        label="Identity provider"
        hint="Fills the issuer, scopes and claim names for the provider you use."
        value={value.provider}
        onChange={choosePreset}
        options={presets.map((option) => ({ value: option.id, label: option.label }))}
        error={errors.provider}
        disabled={disabled}
      />
      <TextField
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
    </div>
  );
}
