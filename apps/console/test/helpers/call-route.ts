import type { RouteHandler } from '@/server/api/with-api';
import { CONSOLE_ORIGIN } from './console-test';

export interface CallOptions {
  path?: string;
  method?: string;
  params?: Record<string, string>;
  body?: unknown;
  /** An API token (Bearer) or a full Authorization header value. */
  auth?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface CallResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls an exported route handler as Next would: a real Request and a params promise. */
export async function callRoute<T = unknown>(
  handler: RouteHandler,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const headers = new Headers(options.headers);
  if (options.auth) {
    headers.set(
      'authorization',
      /^(Bearer|Basic) /.test(options.auth) ? options.auth : `Bearer ${options.auth}`,
    );
  }
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  const request = new Request(`${CONSOLE_ORIGIN}${options.path ?? '/'}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : null) as T,
    headers: response.headers,
  };
}
