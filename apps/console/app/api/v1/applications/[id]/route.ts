import { respond, respondNoContent } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';
import {
  ZApplicationResponse,
  ZUpdateApplicationRequest,
} from '@/server/applications/application.types';
import { deleteApplication } from '@/server/applications/delete-application';
import { getApplication } from '@/server/applications/get-application';
import { updateApplication } from '@/server/applications/update-application';
import { ZIdParams } from '@/server/shared/common.types';

export const GET = withApi(
  { auth: 'user', permission: 'read', params: ZIdParams },
  async ({ actor, params }) =>
    respond(ZApplicationResponse, await getApplication(actor, params.id)),
);

export const PATCH = withApi(
  { auth: 'user', permission: 'write', params: ZIdParams, body: ZUpdateApplicationRequest },
  async ({ actor, params, body }) =>
    respond(ZApplicationResponse, await updateApplication(actor, params.id, body)),
);

export const DELETE = withApi(
  { auth: 'user', permission: 'write', params: ZIdParams },
  async ({ actor, params }) => {
    await deleteApplication(actor, params.id);
    return respondNoContent();
  },
);
