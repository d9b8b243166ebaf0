import type { z } from 'zod';

/**
 * Answers JSON shaped by the endpoint's response schema. Parsing (not just typing) the value
 * drops any property the schema does not declare, so a column added to a row later, a hash for
 * instance, cannot slip into a response by accident.
 */
export function respond<S extends z.ZodType>(
  schema: S,
  data: z.input<S>,
  init: { status?: number; headers?: HeadersInit } = {},
): Response {
  return Response.json(schema.parse(data), {
    status: init.status ?? 200,
    headers: { 'Cache-Control': 'no-store', ...Object.fromEntries(new Headers(init.headers)) },
  });
}

export function respondNoContent(): Response {
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
