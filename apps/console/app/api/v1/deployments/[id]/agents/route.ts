import { ZAgentListResponse } from '@/server/agents/agent.types';
import { listAgents } from '@/server/agents/list-agents';
import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';
import { ZIdParams } from '@/server/shared/common.types';

export const GET = withApi(
  { auth: 'user', permission: 'read', params: ZIdParams },
  async ({ actor, params }) => respond(ZAgentListResponse, await listAgents(actor, params.id)),
);
