import { ZCvatPresetResponse } from '@/server/access-policies/access-policy.types';
import { applyCvatPreset } from '@/server/access-policies/apply-cvat-preset';
import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';
import { ZIdParams } from '@/server/shared/common.types';

export const POST = withApi(
  { auth: 'user', permission: 'write', params: ZIdParams },
  async ({ actor, params }) =>
    respond(ZCvatPresetResponse, await applyCvatPreset(actor, params.id)),
);
