import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';
import {
  ZApplicationListResponse,
  ZApplicationResponse,
  ZCreateApplicationRequest,
} from '@/server/applications/application.types';
import { createApplication } from '@/server/applications/create-application';
import { listApplications } from '@/server/applications/list-applications';
import { ZIdParams } from '@/server/shared/common.types';

export const GET = withApi(
  { auth: 'user', permission: 'read', params: ZIdParams },
  async ({ actor, params }) =>
    respond(ZApplicationListResponse, await listApplications(actor, params.id)),
);

export const POST = withApi(
  { auth: 'user', permission: 'write', params: ZIdParams, body: ZCreateApplicationRequest },
  async ({ actor, params, body }) =>
    respond(ZApplicationResponse, await createApplication(actor, params.id, body), { status: 201 }),
);
