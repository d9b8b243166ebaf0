import { ZHeartbeat, ZHeartbeatResponse } from '@gatehouse/contract';
import { recordHeartbeat } from '@/server/agent-config/record-heartbeat';
import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';

export const POST = withApi({ auth: 'agent', body: ZHeartbeat }, async ({ agent, body }) =>
  respond(ZHeartbeatResponse, await recordHeartbeat(agent, body)),
);
