import { runInTransaction, type DatabaseTransaction } from '@gatehouse/db';
import { requirePermission, type Actor } from '../api/actor';
import { getApplicationOrThrow } from '../applications/get-application';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getPrisma } from '../db/get-prisma';
import { bumpConfigVersion } from '../deployments/bump-config-version';
import type { TAttributePass, TRoleMappingBody, TRules } from './access-policy.types';
import { writeAttributePass, writeRoleMapping, writeRules } from './write-access-policies';

type Application = Awaited<ReturnType<typeof getApplicationOrThrow>>;

/** Loads the application in scope, applies `write`, bumps the version and audits, atomically. */
export async function changeApplicationPolicy(
  actor: Actor,
  applicationId: string,
  action: string,
  write: (tx: DatabaseTransaction, app: Application) => Promise<void>,
  metadata: Record<string, number> = {},
): Promise<void> {
  requirePermission(actor, 'write');
  await runInTransaction(getPrisma(), async (tx) => {
    const app = await getApplicationOrThrow(tx, actor.organizationId, applicationId);
    await write(tx, app);
    await bumpConfigVersion(
      tx,
      { organizationId: actor.organizationId, deploymentId: app.deploymentId },
      `${action} on application "${app.name}"`,
    );
    await recordAuditEvent(tx, actor, {
      action,
      targetType: 'application',
      targetId: app.id,
      metadata,
    });
  });
}

export async function replaceAttributePass(
  actor: Actor,
  applicationId: string,
  input: TAttributePass,
): Promise<TAttributePass> {
  await changeApplicationPolicy(
    actor,
    applicationId,
    'application.attribute_pass.replace',
    (tx, app) => writeAttributePass(tx, app, input.rows),
    { rows: input.rows.length },
  );
  return input;
}

export async function replaceRoleMapping(
  actor: Actor,
  applicationId: string,
  input: TRoleMappingBody,
): Promise<TRoleMappingBody> {
  await changeApplicationPolicy(
    actor,
    applicationId,
    'application.role_mapping.replace',
    (tx, app) => writeRoleMapping(tx, app, input),
    { rows: input.rows.length },
  );
  return input;
}

export async function replaceRules(
  actor: Actor,
  applicationId: string,
  input: TRules,
): Promise<TRules> {
  await changeApplicationPolicy(
    actor,
    applicationId,
    'application.rules.replace',
    (tx, app) => writeRules(tx, app, input.rows),
    { rows: input.rows.length },
  );
  return input;
}
