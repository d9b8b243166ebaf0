import { IDENTITY_PROVIDER_PRESETS, type TOidcIdentityProviderConfig } from '@gatehouse/contract';
import { invalidField } from '../errors/app-error';

interface PresetInput {
  provider: TOidcIdentityProviderConfig['provider'];
  issuer?: string | undefined;
  scopes?: string[] | undefined;
  claims?: Partial<TOidcIdentityProviderConfig['claims']> | undefined;
}

/**
 * Fills what the provider preset fixes: Google's issuer is always https://accounts.google.com;
 * the others depend on the tenant and must be given. Scopes and claim names default per preset.
 */
export function resolvePreset(input: PresetInput): {
  issuer: string;
  scopes: string[];
  claims: TOidcIdentityProviderConfig['claims'];
} {
  const preset = IDENTITY_PROVIDER_PRESETS[input.provider];
  if (preset.issuer !== null && input.issuer !== undefined && input.issuer !== preset.issuer) {
    throw invalidField('issuer', `${preset.label}'s issuer is always ${preset.issuer}`);
  }
  const issuer = input.issuer ?? preset.issuer;
  if (issuer === null) {
    throw invalidField('issuer', `required for ${preset.label}, e.g. ${preset.issuerHint}`);
  }
  return {
    issuer,
    scopes: input.scopes ?? preset.scopes,
    claims: { ...preset.claims, ...input.claims },
  };
}
