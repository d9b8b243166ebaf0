import { z } from 'zod';

/**
 * Where a Getting started run stands: the ids it has created so far. The wizard's URL carries
 * them (reload and back work, and a link resumes it); this cookie remembers the last run so the
 * dashboard can offer to resume it. Ids only, no secrets: the provisioning secret is shown once
 * and lives nowhere but the page that showed it.
 */
export const ZWizardState = z.object({
  step: z.coerce.number().int().min(1).max(4).catch(1),
  deployment: z.string().min(1).max(64).optional().catch(undefined),
  application: z.string().min(1).max(64).optional().catch(undefined),
  idp: z.string().min(1).max(64).optional().catch(undefined),
  key: z.string().min(1).max(64).optional().catch(undefined),
});
export type WizardState = z.infer<typeof ZWizardState>;

export function wizardHref(state: WizardState): string {
  const params = new URLSearchParams({ step: String(state.step) });
  for (const key of ['deployment', 'application', 'idp', 'key'] as const) {
    const value = state[key];
    if (value) params.set(key, value);
  }
  return `/getting-started?${params.toString()}`;
}
