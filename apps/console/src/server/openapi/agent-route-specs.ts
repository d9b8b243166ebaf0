import { ZHeartbeat, ZHeartbeatResponse } from '@gatehouse/contract';
import { ZAgentConfigQuery } from '../agent-config/agent-config.types';
import { ZAgentListResponse } from '../agents/agent.types';
import * as keys from '../provisioning-keys/provisioning-key.types';
import type { ApiRouteSpec } from './api-route-specs';
import { byId, user } from './spec-helpers';

/** Provisioning keys, agent instances and the agent API itself. */
export const AGENT_ROUTE_SPECS: ApiRouteSpec[] = [
  {
    method: 'get',
    path: '/api/v1/deployments/{id}/provisioning-keys',
    tag: 'Agents',
    summary: 'List provisioning keys (never their secrets)',
    ...user('read'),
    ...byId,
    response: keys.ZProvisioningKeyListResponse,
  },
  {
    method: 'post',
    path: '/api/v1/deployments/{id}/provisioning-keys',
    tag: 'Agents',
    summary: 'Create a provisioning key; the secret is returned once',
    ...user('write'),
    ...byId,
    body: keys.ZCreateProvisioningKeyRequest,
    status: 201,
    response: keys.ZCreateProvisioningKeyResponse,
  },
  {
    method: 'delete',
    path: '/api/v1/provisioning-keys/{id}',
    tag: 'Agents',
    summary: 'Revoke a provisioning key',
    ...user('write'),
    ...byId,
    response: keys.ZProvisioningKeyResponse,
  },
  {
    method: 'get',
    path: '/api/v1/deployments/{id}/agents',
    tag: 'Agents',
    summary: 'Agent instances seen, online or not, with the version each runs',
    ...user('read'),
    ...byId,
    response: ZAgentListResponse,
  },
  {
    method: 'get',
    path: '/api/agent/v1/config',
    tag: 'Agent API',
    summary: 'The deployment’s whole configuration (long poll with ?wait=N)',
    auth: 'agent',
    query: ZAgentConfigQuery,
    description:
      'The configuration document defined by packages/contract (ZAgentConfig), with an ETag. If-None-Match with the current ETag answers 304; with ?wait=N (N ≤ 60) the answer waits until the deployment changes.',
  },
  {
    method: 'post',
    path: '/api/agent/v1/heartbeat',
    tag: 'Agent API',
    summary: 'Report an agent instance’s state',
    auth: 'agent',
    body: ZHeartbeat,
    response: ZHeartbeatResponse,
  },
];
