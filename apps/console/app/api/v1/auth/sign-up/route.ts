import { signUp } from '@/server/accounts/sign-up';
import { ZSignUpRequest, ZSignUpResponse } from '@/server/accounts/sign-up.types';
import { respond } from '@/server/api/respond';
import { withApi } from '@/server/api/with-api';

export const POST = withApi({ auth: 'none', body: ZSignUpRequest }, async ({ body, meta }) =>
  respond(ZSignUpResponse, await signUp(body, meta), { status: 201 }),
);
