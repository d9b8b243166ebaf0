import type { TAttributePassRow, TRoleMapping, TRule } from '@gatehouse/contract';
import type { DatabaseTransaction } from '@gatehouse/db';

interface ApplicationRef {
  id: string;
  organizationId: string;
}

// Ordered lists are replaced whole: delete, then insert in order, in the caller's transaction,
// so positions stay dense and unique and a reader never sees half a list.

export async function writeAttributePass(
  tx: DatabaseTransaction,
  app: ApplicationRef,
  rows: readonly TAttributePassRow[],
): Promise<void> {
  await tx.attributePass.deleteMany({ where: { applicationId: app.id } });
  await tx.attributePass.createMany({
    data: rows.map((row, position) => ({
      organizationId: app.organizationId,
      applicationId: app.id,
      position,
      ...row,
    })),
  });
}

export async function writeRoleMapping(
  tx: DatabaseTransaction,
  app: ApplicationRef,
  mapping: TRoleMapping,
): Promise<void> {
  await tx.roleMapping.deleteMany({ where: { applicationId: app.id } });
  await tx.roleMapping.createMany({
    data: mapping.rows.map((row, position) => ({
      organizationId: app.organizationId,
      applicationId: app.id,
      position,
      kind: row.kind,
      role: row.role,
      ...(row.kind === 'CLAIM'
        ? { claim: row.claim, operator: row.operator, value: row.value }
        : { expression: row.expression }),
    })),
  });
  await tx.application.update({
    where: { id: app.id },
    data: { defaultRole: mapping.defaultRole },
  });
}

export async function writeRules(
  tx: DatabaseTransaction,
  app: ApplicationRef,
  rules: readonly TRule[],
): Promise<void> {
  await tx.rule.deleteMany({ where: { applicationId: app.id } });
  await tx.rule.createMany({
    data: rules.map((rule) => ({
      organizationId: app.organizationId,
      applicationId: app.id,
      priority: rule.priority,
      pathMatch: rule.pathMatch,
      path: rule.path,
      methods: rule.methods,
      conditions: rule.conditions,
      action: rule.action,
      description: rule.description,
    })),
  });
}
