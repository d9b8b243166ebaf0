import { IDENTITY_PROVIDER_PRESETS } from '@gatehouse/contract';
import type { PresetOption } from '@/components/identity-providers/idp-draft';

/** The contract's provider presets as plain props for client forms. */
export function presetOptions(): PresetOption[] {
  return Object.entries(IDENTITY_PROVIDER_PRESETS).map(([id, preset]) => ({
    id,
    label: preset.label,
    issuer: preset.issuer,
    issuerHint: preset.issuerHint,
    scopes: preset.scopes,
  }));
}
