import { CVAT_PRESET } from '@gatehouse/contract';
import type { Actor } from '../api/actor';
import type { TCvatPresetResponse } from './access-policy.types';
import { changeApplicationPolicy } from './replace-access-policies';
import { writeAttributePass, writeRoleMapping, writeRules } from './write-access-policies';

/**
 * CVAT in header-auth mode: X-Email and X-Groups (":"-joined), IdP groups mapped to CVAT groups
 * (anyone else gets "worker"), and the "CVAT API" rules that let CVAT's own credentials through.
 * Replaces the application's attribute pass, role mapping and rules.
 */
export async function applyCvatPreset(
  actor: Actor,
  applicationId: string,
): Promise<TCvatPresetResponse> {
  await changeApplicationPolicy(
    actor,
    applicationId,
    'application.preset.cvat',
    async (tx, app) => {
      await writeAttributePass(tx, app, CVAT_PRESET.attributePass);
      await writeRoleMapping(tx, app, CVAT_PRESET.roleMapping);
      await writeRules(tx, app, CVAT_PRESET.rules);
    },
  );
  return {
    attributePass: { rows: [...CVAT_PRESET.attributePass] },
    roleMapping: CVAT_PRESET.roleMapping,
    rules: { rows: [...CVAT_PRESET.rules] },
  };
}
