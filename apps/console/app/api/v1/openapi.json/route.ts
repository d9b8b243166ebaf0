import { withApi } from '@/server/api/with-api';
import { buildOpenApiDocument } from '@/server/openapi/build-openapi-document';

export const GET = withApi({ auth: 'none' }, () =>
  Promise.resolve(Response.json(buildOpenApiDocument())),
);
