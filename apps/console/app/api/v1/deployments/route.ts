import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';
import { createDeployment } from '@/server/deployments/create-deployment';
import {
  ZCreateDeploymentRequest,
  ZDeploymentListResponse,
  ZDeploymentResponse,
} from '@/server/deployments/deployment.types';
import { listDeployments } from '@/server/deployments/list-deployments';

export const GET = withApi({ auth: 'user', permission: 'read' }, async ({ actor }) =>
  respond(ZDeploymentListResponse, await listDeployments(actor)),
);

export const POST = withApi(
  { auth: 'user', permission: 'write', body: ZCreateDeploymentRequest },
  async ({ actor, body }) =>
    respond(ZDeploymentResponse, await createDeployment(actor, body), { status: 201 }),
);
