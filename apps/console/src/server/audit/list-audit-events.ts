import type { Actor } from '../api/actor';
import { getPrisma } from '../db/get-prisma';
import { toIso } from '../shared/common.types';
import type { TAuditEventListResponse, TAuditEventQuery } from './audit-event.types';

/** Newest first, a page at a time. */
export async function listAuditEvents(
  actor: Actor,
  query: TAuditEventQuery,
): Promise<TAuditEventListResponse> {
  const events = await getPrisma().auditEvent.findMany({
    where: {
      organizationId: actor.organizationId,
      targetType: query.targetType,
      targetId: query.targetId,
    },
    include: {
      actorUser: { select: { email: true } },
      actorApiToken: { select: { name: true } },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const page = events.slice(0, query.limit);
  return {
    auditEvents: page.map((event) => ({
      id: event.id,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      actor: {
        type: event.actorApiTokenId ? 'API_TOKEN' : event.actorUserId ? 'USER' : 'SYSTEM',
        userId: event.actorUserId,
        email: event.actorUser?.email ?? null,
        apiTokenId: event.actorApiTokenId,
        apiTokenName: event.actorApiToken?.name ?? null,
      },
      metadata: event.metadata as Record<string, unknown>,
      ip: event.ip,
      userAgent: event.userAgent,
      createdAt: toIso(event.createdAt),
    })),
    nextCursor: events.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
