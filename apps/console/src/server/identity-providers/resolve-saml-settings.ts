import {
  SAML_ATTRIBUTE_PRESETS,
  ZSamlAttributeName,
  type TSamlIdentityProviderConfig,
  type TSamlNameIdFormat,
} from '@gatehouse/contract';
import { AppError } from '../errors/app-error';

interface SamlSettingsInput {
  provider: TSamlIdentityProviderConfig['provider'];
  nameIdFormat?: TSamlNameIdFormat | undefined;
  claims?: Partial<Record<'email' | 'username' | 'groups', string>> | undefined;
}

/**
 * The NameID format and attribute names, each given or else the provider preset's (Entra ID and
 * Auth0 send claim URIs by default; Google, Okta and Keycloak send what the admin maps).
 */
export function resolveSamlSettings(input: SamlSettingsInput): {
  nameIdFormat: TSamlNameIdFormat;
  attributes: TSamlIdentityProviderConfig['attributes'];
} {
  const preset = SAML_ATTRIBUTE_PRESETS[input.provider];
  const attributes = { ...preset.attributes, ...input.claims };
  const issues = (['email', 'username', 'groups'] as const).flatMap((field) => {
    const checked = ZSamlAttributeName.safeParse(attributes[field]);
    return checked.success
      ? []
      : [{ path: `claims.${field}`, message: checked.error.issues[0]?.message ?? 'is invalid' }];
  });
  if (issues.length > 0) {
    throw new AppError(
      'invalid',
      issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
      {
        issues,
      },
    );
  }
  return { nameIdFormat: input.nameIdFormat ?? preset.nameIdFormat, attributes };
}
