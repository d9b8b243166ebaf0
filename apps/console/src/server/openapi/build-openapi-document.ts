import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { API_ROUTE_SPECS, type ApiRouteSpec } from './api-route-specs';

const ZErrorBody = z.object({
  error: z.object({
    code: z.enum([
      'bad_request',
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'invalid',
      'rate_limited',
      'internal',
      'unavailable',
    ]),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
  requestId: z.string().optional(),
});

const SECURITY: Record<ApiRouteSpec['auth'], Record<string, string[]>[]> = {
  user: [{ bearerToken: [] }, { sessionCookie: [] }],
  agent: [{ provisioningKey: [] }],
  none: [],
};

let cached: ReturnType<OpenApiGeneratorV31['generateDocument']> | undefined;

/** The OpenAPI 3.1 document, generated from the same zod schemas the route handlers parse with. */
export function buildOpenApiDocument() {
  cached ??= generate();
  return cached;
}

function generate() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (`ght_…`), created under API tokens.',
  });
  registry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'next-auth.session-token',
    description: 'The console session; mutations must be same-origin.',
  });
  registry.registerComponent('securitySchemes', 'provisioningKey', {
    type: 'http',
    scheme: 'basic',
    description: 'Provisioning key and secret (`ghk_…:ghs_…`).',
  });
  for (const spec of API_ROUTE_SPECS) registerRoute(registry, spec, ZErrorBody);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Gatehouse console API',
      version: '1.0.0',
      description:
        'REST API of the Gatehouse console (JSON, camelCase). Errors always have the shape ' +
        '`{ error: { code, message, issues? } }`; invalid input answers 422 with one issue per ' +
        'field path. Ids of another organization answer 404.',
    },
  });
}

function registerRoute(registry: OpenAPIRegistry, spec: ApiRouteSpec, error: z.ZodType): void {
  const status = spec.status ?? 200;
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: error } },
  });
  registry.registerPath({
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    description:
      spec.description ??
      (spec.permission ? `Needs the ${spec.permission} permission.` : undefined),
    tags: [spec.tag],
    security: SECURITY[spec.auth],
    request: {
      ...(spec.params && { params: spec.params }),
      ...(spec.query && { query: spec.query }),
      ...(spec.body && {
        body: { required: true, content: { 'application/json': { schema: spec.body } } },
      }),
    },
    responses: {
      [status]: {
        description: spec.description ?? (status === 204 ? 'Done; no content.' : 'Success.'),
        ...(spec.response && { content: { 'application/json': { schema: spec.response } } }),
      },
      ...(spec.auth !== 'none' && {
        401: errorResponse(
          'Not signed in, or the token or key is not valid (the message says why).',
        ),
      }),
      ...(spec.auth === 'user' && {
        403: errorResponse('Your role does not allow this, or a cross-site request.'),
      }),
      ...((spec.params ?? spec.auth === 'agent') && {
        404: errorResponse('Not found (or in another organization).'),
      }),
      ...((spec.body ?? spec.query) && {
        422: errorResponse('Invalid input; `issues` lists each field path.'),
      }),
      500: errorResponse('Unexpected failure; the message names a request id.'),
    },
  });
}
