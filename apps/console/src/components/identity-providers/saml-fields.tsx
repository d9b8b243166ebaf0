'use client';

import { CheckboxField, RadioGroupField, SelectField, TextAreaField, TextField } from '../ui/field';
import type { FieldErrors } from '@/ui/action-result';
import { SAML_NAME_ID_FORMAT_OPTIONS, type IdentityProviderDraft } from './idp-draft';

const METADATA_SOURCES = [
  { value: 'url', label: 'Metadata URL' },
  { value: 'xml', label: 'Paste metadata XML' },
];

const ATTRIBUTES = [
  ['email', 'E-mail attribute', 'The attribute holding the user’s e-mail address.'],
  ['username', 'Username attribute', 'The attribute holding the user’s short name.'],
  ['groups', 'Groups attribute', 'Multi-valued; role mapping and rules match these groups.'],
] as const;

/** Metadata, NameID format, attribute names and signature settings of a SAML 2.0 IdP. */
export function SamlFields({
  value,
  onChange,
  errors,
  existing,
  disabled,
}: {
  value: IdentityProviderDraft;
  onChange: (value: IdentityProviderDraft) => void;
  errors: FieldErrors;
  /** Editing: the metadata read before is kept while both metadata fields are empty. */
  existing: boolean;
  disabled?: boolean | undefined;
}) {
  const keep = existing ? ' Leave empty to keep the metadata read before.' : '';
  // The API names metadataUrl when the request gives both sources or neither.
  const metadataError = errors.metadataXml ?? errors.metadataUrl;
  return (
    <>
      <RadioGroupField
        className="md:col-span-2"
        label="Metadata source"
        hint="The console reads the IdP's entity ID, sign-in URL and signing certificates from its metadata."
        value={value.metadataSource}
        onChange={(source) =>
          onChange({ ...value, metadataSource: source === 'xml' ? 'xml' : 'url' })
        }
        options={METADATA_SOURCES}
        disabled={disabled}
      />
      {value.metadataSource === 'url' ? (
        <TextField
          className="md:col-span-2"
          label="IdP metadata URL"
          hint={`Where your IdP publishes its SAML metadata, e.g. https://idp.example.com/saml/metadata. Read again on each change, e.g. after a certificate rollover.${keep}`}
          placeholder="https://idp.example.com/saml/metadata"
          value={value.metadataUrl}
          onChange={(metadataUrl) => onChange({ ...value, metadataUrl })}
          error={errors.metadataUrl}
          disabled={disabled}
          inputClassName="font-mono"
        />
      ) : (
        <TextAreaField
          className="md:col-span-2"
          label="IdP metadata XML"
          hint={`The EntityDescriptor your IdP lets you download, pasted whole.${keep}`}
          placeholder='<md:EntityDescriptor entityID="…">'
          rows={8}
          value={value.metadataXml}
          onChange={(metadataXml) => onChange({ ...value, metadataXml })}
          error={metadataError}
          disabled={disabled}
          inputClassName="font-mono text-xs"
        />
      )}
      <SelectField
        label="NameID format"
        hint="What the agent asks the IdP to name the user by; e-mail address suits most IdPs."
        value={value.nameIdFormat}
        onChange={(nameIdFormat) => onChange({ ...value, nameIdFormat })}
        options={SAML_NAME_ID_FORMAT_OPTIONS}
        error={errors.nameIdFormat}
        disabled={disabled}
      />
      <TextField
        label="Clock skew (seconds)"
        hint="How far the IdP's clock may be off when checking an assertion's validity times; at most 300."
        value={value.clockSkewSeconds}
        onChange={(clockSkewSeconds) => onChange({ ...value, clockSkewSeconds })}
        error={errors.clockSkewSeconds}
        disabled={disabled}
        inputClassName="font-mono"
      />
      {ATTRIBUTES.map(([field, label, hint]) => (
        <TextField
          key={field}
          label={label}
          hint={hint}
          value={value.attributes[field]}
          onChange={(next) =>
            onChange({ ...value, attributes: { ...value.attributes, [field]: next } })
          }
          error={errors[`claims.${field}`] ?? (field === 'email' ? errors.claims : undefined)}
          disabled={disabled}
          inputClassName="font-mono"
        />
      ))}
      <div className="space-y-3 md:col-span-2">
        <CheckboxField
          label="Require signed assertions"
          hint="Recommended: the assertion itself carries the IdP's signature."
          checked={value.wantAssertionsSigned}
          onChange={(wantAssertionsSigned) => onChange({ ...value, wantAssertionsSigned })}
          disabled={disabled}
        />
        <CheckboxField
          label="Require signed responses"
          hint="Also require a signature over the whole response. At least one of the two is required."
          checked={value.wantResponseSigned}
          onChange={(wantResponseSigned) => onChange({ ...value, wantResponseSigned })}
          disabled={disabled}
        />
        {(errors.wantAssertionsSigned ?? errors.wantResponseSigned) && (
          <p role="alert" className="text-xs font-medium text-red-600">
            {errors.wantAssertionsSigned ?? errors.wantResponseSigned}
          </p>
        )}
      </div>
    </>
  );
}
