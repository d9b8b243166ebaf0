import {
  IDENTITY_PROVIDER_PRESETS,
  SAML_ATTRIBUTE_PRESETS,
  type IDP_PROVIDERS,
} from '@gatehouse/contract';
import type { PresetOption } from '@/components/identity-providers/idp-draft';

/** The contract's provider presets (OIDC and SAML) as plain props for client forms. */
export function presetOptions(): PresetOption[] {
  return Object.entries(IDENTITY_PROVIDER_PRESETS).map(([id, preset]) => {
    const saml = SAML_ATTRIBUTE_PRESETS[id as (typeof IDP_PROVIDERS)[number]];
    return {
      id,
      label: preset.label,
      issuer: preset.issuer,
      issuerHint: preset.issuerHint,
      scopes: preset.scopes,
      saml: {
        // The generic preset's label names OpenID Connect; under SAML it is any SAML 2.0 IdP.
        label: id === 'GENERIC' ? 'Generic SAML 2.0' : preset.label,
        nameIdFormat: saml.nameIdFormat,
        attributes: saml.attributes,
      },
    };
  });
}
