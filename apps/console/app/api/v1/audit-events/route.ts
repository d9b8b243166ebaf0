import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';
import { ZAuditEventListResponse, ZAuditEventQuery } from '@/server/audit/audit-event.types';
import { listAuditEvents } from '@/server/audit/list-audit-events';

export const GET = withApi(
  { auth: 'user', permission: 'read', query: ZAuditEventQuery },
  async ({ actor, query }) => respond(ZAuditEventListResponse, await listAuditEvents(actor, query)),
);
