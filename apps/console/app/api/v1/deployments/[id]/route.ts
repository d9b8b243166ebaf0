import { respond, respondNoContent } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';
import { deleteDeployment } from '@/server/deployments/delete-deployment';
import {
  ZDeploymentResponse,
  ZUpdateDeploymentRequest,
} from '@/server/deployments/deployment.types';
import { getDeployment } from '@/server/deployments/get-deployment';
import { updateDeployment } from '@/server/deployments/update-deployment';
import { ZIdParams } from '@/server/shared/common.types';

export const GET = withApi(
  { auth: 'user', permission: 'read', params: ZIdParams },
  async ({ actor, params }) => respond(ZDeploymentResponse, await getDeployment(actor, params.id)),
);

export const PATCH = withApi(
  { auth: 'user', permission: 'write', params: ZIdParams, body: ZUpdateDeploymentRequest },
  async ({ actor, params, body }) =>
    respond(ZDeploymentResponse, await updateDeployment(actor, params.id, body)),
);

export const DELETE = withApi(
  { auth: 'user', permission: 'write', params: ZIdParams },
  async ({ actor, params }) => {
    await deleteDeployment(actor, params.id);
    return respondNoContent();
  },
);
