import type { Actor } from '../api/actor';
import { getApplicationOrThrow } from '../applications/get-application';
import { getPrisma } from '../db/get-prisma';
import {
  mapAttributePassRows,
  mapRoleMapping,
  mapRuleRows,
} from '../agent-config/map-application-config';
import type { TAttributePass, TRoleMappingBody, TRules } from './access-policy.types';
import { ZRules } from './access-policy.types';

export async function getAttributePass(
  actor: Actor,
  applicationId: string,
): Promise<TAttributePass> {
  const prisma = getPrisma();
  const app = await getApplicationOrThrow(prisma, actor.organizationId, applicationId);
  const rows = await prisma.attributePass.findMany({
    where: { applicationId: app.id },
    orderBy: { position: 'asc' },
  });
  return { rows: mapAttributePassRows(rows) };
}

export async function getRoleMapping(
  actor: Actor,
  applicationId: string,
): Promise<TRoleMappingBody> {
  const prisma = getPrisma();
  const app = await getApplicationOrThrow(prisma, actor.organizationId, applicationId);
  const rows = await prisma.roleMapping.findMany({
    where: { applicationId: app.id },
    orderBy: { position: 'asc' },
  });
  return mapRoleMapping(rows, app.defaultRole);
}

export async function getRules(actor: Actor, applicationId: string): Promise<TRules> {
  const prisma = getPrisma();
  const app = await getApplicationOrThrow(prisma, actor.organizationId, applicationId);
  const rows = await prisma.rule.findMany({
    where: { applicationId: app.id },
    orderBy: { priority: 'asc' },
  });
  // Parsing fills the contract's defaults in stored conditions.
  return ZRules.parse({ rows: mapRuleRows(rows) });
}
