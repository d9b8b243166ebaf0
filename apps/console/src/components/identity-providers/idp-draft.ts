/** A provider preset as the form needs it (from IDENTITY_PROVIDER_PRESETS, passed by the page). */
export interface PresetOption {
  id: string;
  label: string;
  issuer: string | null;
  issuerHint: string;
  scopes: string[];
}

export interface IdentityProviderDraft {
  name: string;
  provider: string;
  clientId: string;
  clientSecret: string;
  issuer: string;
  scopes: string;
}

export function emptyIdentityProvider(preset: PresetOption): IdentityProviderDraft {
  return {
    name: preset.label,
    provider: preset.id,
    clientId: '',
    clientSecret: '',
    issuer: preset.issuer ?? '',
    scopes: preset.scopes.join(' '),
  };
}

/**
 * The REST body. An empty secret is left out (keeps the stored one on update; on create the
 * API then names the field). Scopes are typed space-separated, as OAuth writes them (RFC 6749 §3.3).
 */
export function identityProviderRequest(draft: IdentityProviderDraft, creating: boolean) {
  const scopes = draft.scopes.split(/[\s,]+/).filter(Boolean);
  return {
    name: draft.name,
    protocol: 'OIDC' as const,
    provider: draft.provider,
    clientId: draft.clientId.trim(),
    ...(draft.clientSecret !== '' || creating ? { clientSecret: draft.clientSecret } : {}),
    issuer: draft.issuer.trim() === '' ? undefined : draft.issuer.trim(),
    scopes,
  };
}
