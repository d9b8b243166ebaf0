'use client';

import { RadioGroupField, SelectField, TextField } from '../ui/field';
import type { FieldErrors } from '@/ui/action-result';
import {
  emptyIdentityProvider,
  presetLabel,
  type IdentityProviderDraft,
  type PresetOption,
} from './idp-draft';
import { OidcFields } from './oidc-fields';
import { SamlFields } from './saml-fields';

const PROTOCOLS = [
  { value: 'OIDC', label: 'OpenID Connect (OIDC)' },
  { value: 'SAML', label: 'SAML 2.0' },
] as const;

/** The paths of every field this form places (FormMessage lists any other error above it). */
export const IDENTITY_PROVIDER_FIELDS = [
  'name',
  'protocol',
  'provider',
  'clientId',
  'clientSecret',
  'issuer',
  'scopes',
  'claims',
  'metadataUrl',
  'metadataXml',
  'nameIdFormat',
  'wantAssertionsSigned',
  'wantResponseSigned',
  'clockSkewSeconds',
];

export function IdentityProviderFields({
  value,
  onChange,
  errors,
  presets,
  existing = false,
  disabled,
}: {
  value: IdentityProviderDraft;
  onChange: (value: IdentityProviderDraft) => void;
  errors: FieldErrors;
  presets: readonly PresetOption[];
  /** Editing a stored one: its protocol is fixed, its secret and metadata are kept when empty. */
  existing?: boolean;
  disabled?: boolean;
}) {
  const preset = presets.find((option) => option.id === value.provider) ?? presets[0];
  const nameIsPresetLabel =
    !value.name || presets.some((option) => [option.label, option.saml.label].includes(value.name));

  function chooseProtocol(protocol: string) {
    if (!preset || (protocol !== 'OIDC' && protocol !== 'SAML')) return;
    // What was typed for the other protocol stays, in case the admin switches back.
    onChange({
      ...value,
      protocol,
      name: nameIsPresetLabel ? presetLabel(preset, protocol) : value.name,
    });
  }

  function choosePreset(id: string) {
    const next = presets.find((option) => option.id === id);
    if (!next) return;
    const fresh = emptyIdentityProvider(next, value.protocol);
    onChange({
      ...value,
      provider: id,
      name: nameIsPresetLabel ? fresh.name : value.name,
      issuer: next.issuer ?? (preset?.issuer === value.issuer ? '' : value.issuer),
      scopes: fresh.scopes,
      nameIdFormat: fresh.nameIdFormat,
      attributes: fresh.attributes,
    });
  }

  const saml = value.protocol === 'SAML';
  return (
    <div className="grid gap-5 md:grid-cols-2">
      <RadioGroupField
        className="md:col-span-2"
        label="Protocol"
        hint={
          existing
            ? 'Fixed once the identity provider exists; add a new one to use the other protocol.'
            : 'OpenID Connect: what Google, Entra ID, Okta, Auth0 and Keycloak speak. SAML 2.0: for IdPs (ADFS, Shibboleth, many enterprise setups) that offer only SAML.'
        }
        value={value.protocol}
        onChange={chooseProtocol}
        options={PROTOCOLS}
        error={errors.protocol}
        disabled={disabled || existing}
      />
      <TextField
        label="Name"
        hint="A name your team recognizes, e.g. Google Workspace."
        value={value.name}
        onChange={(name) => onChange({ ...value, name })}
        error={errors.name}
        disabled={disabled}
      />
      <SelectField
        label="Identity provider"
        hint={
          saml
            ? 'Fills the NameID format and the attribute names the provider sends by default.'
            : 'Fills the issuer, scopes and claim names for the provider you use.'
        }
        value={value.provider}
        onChange={choosePreset}
        options={presets.map((option) => ({
          value: option.id,
          label: presetLabel(option, value.protocol),
        }))}
        error={errors.provider}
        disabled={disabled}
      />
      {saml ? (
        <SamlFields
          value={value}
          onChange={onChange}
          errors={errors}
          existing={existing}
          disabled={disabled}
        />
      ) : (
        <OidcFields
          value={value}
          onChange={onChange}
          errors={errors}
          preset={preset}
          secretStored={existing}
          disabled={disabled}
        />
      )}
    </div>
  );
}
