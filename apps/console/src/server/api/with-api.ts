import type { z } from 'zod';
import { AppError } from '../errors/app-error';
import { handleApiError } from '../errors/handle-api-error';
import { authenticateAgent, type AgentCaller } from '../agent-config/authenticate-agent';
import { requirePermission, type Actor, type Permission } from './actor';
import { readRequestMeta, type RequestMeta } from './request-meta';
import { resolveActor } from './resolve-actor';

interface Schemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

/** user: a member (session or API token); agent: a provisioning key; none: anyone (rate-limited). */
export type RouteOptions = Schemas &
  ({ auth: 'user'; permission: Permission } | { auth: 'agent' } | { auth: 'none' });

type Parsed<O, K extends keyof Schemas> =
  O extends Record<K, infer S extends z.ZodType> ? z.output<S> : undefined;

export type ApiCall<O extends RouteOptions> = {
  request: Request;
  meta: RequestMeta;
  params: Parsed<O, 'params'>;
  query: Parsed<O, 'query'>;
  body: Parsed<O, 'body'>;
} & (O['auth'] extends 'user'
  ? { actor: Actor }
  : O['auth'] extends 'agent'
    ? { agent: AgentCaller }
    : object);

/** Next passes dynamic segments as a promise (Next 15+). */
export interface RouteContext {
  params: Promise<Record<string, string | string[]>>;
}

export type RouteHandler = ((request: Request, context: RouteContext) => Promise<Response>) & {
  /** What the handler declared; the OpenAPI test checks the document against it. */
  options?: RouteOptions;
};

/**
 * The one wrapper every route handler goes through: it identifies the caller, checks the
 * permission, parses params, query and body with the endpoint's zod schemas, and turns every
 * failure into the one error shape. Route files stay declarations plus one server-function call.
 */
export function withApi<const O extends RouteOptions>(
  options: O,
  handler: (call: ApiCall<O>) => Promise<Response>,
): RouteHandler {
  const route: RouteHandler = async (request, context) => {
    const meta = readRequestMeta(request);
    try {
      const caller = await identify(options, request, meta);
      const params = await parseParams(options.params, context);
      const query = options.query?.parse(Object.fromEntries(new URL(request.url).searchParams));
      const body = options.body ? options.body.parse(await readJson(request)) : undefined;
      const response = await handler({
        request,
        meta,
        params,
        query,
        body,
        ...caller,
      } as ApiCall<O>);
      response.headers.set('X-Request-Id', meta.requestId);
      return response;
    } catch (error) {
      const response = handleApiError(error, meta.requestId);
      response.headers.set('X-Request-Id', meta.requestId);
      return response;
    }
  };
  route.options = options;
  return route;
}

async function identify(
  options: RouteOptions,
  request: Request,
  meta: RequestMeta,
): Promise<{ actor: Actor } | { agent: AgentCaller } | object> {
  switch (options.auth) {
    case 'user': {
      const actor = await resolveActor(request, meta);
      requirePermission(actor, options.permission);
      return { actor };
    }
    case 'agent':
      return { agent: await authenticateAgent(request, meta.ip) };
    case 'none':
      return {};
  }
}

// A malformed id in the path names nothing: answer 404 like any unknown id.
async function parseParams(schema: z.ZodType | undefined, context: RouteContext): Promise<unknown> {
  if (!schema) return undefined;
  const result = schema.safeParse(await context.params);
  if (!result.success) throw new AppError('not_found', 'Not found');
  return result.data;
}

async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError('bad_request', 'Send the body as JSON with Content-Type: application/json.');
  }
  try {
    return (await request.json()) as unknown;
  } catch {
    throw new AppError('bad_request', 'The body is not valid JSON.');
  }
}
