import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import * as openApiRoute from '../../app/api/v1/openapi.json/route';
import type { RouteHandler } from '@/server/api/with-api';
import { API_ROUTE_SPECS } from '@/server/openapi/api-route-specs';
import { callRoute } from '../helpers/call-route';

const API_DIR = fileURLToPath(new URL('../../app/api/', import.meta.url));
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every (method, OpenAPI path, handler) served under app/api, next-auth's own routes aside. */
async function routesOnDisk() {
  const files = (await readdir(API_DIR, { recursive: true })).filter(
    (file) => file.endsWith('route.ts') && !file.startsWith(`auth${sep}`),
  );
  const routes: { key: string; handler: RouteHandler }[] = [];
  for (const file of files) {
    const path = `/api/${file.split(sep).slice(0, -1).join('/')}`.replace(/\[(\w+)\]/g, '{$1}');
    const module = (await import(/* @vite-ignore */ join(API_DIR, file))) as Record<
      string,
      RouteHandler
    >;
    for (const method of METHODS) {
      const handler = module[method];
      if (handler) routes.push({ key: `${method.toLowerCase()} ${path}`, handler });
    }
  }
  return routes;
}

describe('the OpenAPI document', () => {
  it('is served at /api/v1/openapi.json and validates as OpenAPI 3.1', async () => {
    const response = await callRoute<Record<string, unknown>>(openApiRoute.GET, {
      path: '/api/v1/openapi.json',
    });
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(response.body) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('lists every route, with the schemas and auth each route handler declares', async () => {
    const document = (
      await callRoute<{ paths: Record<string, Record<string, unknown>> }>(openApiRoute.GET)
    ).body;
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
    const onDisk = await routesOnDisk();
    expect(onDisk.map((route) => route.key).sort()).toEqual(documented.sort());

    for (const { key, handler } of onDisk) {
      const spec = API_ROUTE_SPECS.find((entry) => `${entry.method} ${entry.path}` === key);
      const declared = handler.options;
      expect(declared, key).toBeDefined();
      expect({ key, auth: spec?.auth, permission: spec?.permission }).toEqual({
        key,
        auth: declared?.auth,
        permission: declared && 'permission' in declared ? declared.permission : undefined,
      });
      // The very same schema objects: the document cannot drift from what is enforced.
      expect(spec?.body === declared?.body, `${key} body`).toBe(true);
      expect(spec?.query === declared?.query, `${key} query`).toBe(true);
      expect(spec?.params === declared?.params, `${key} params`).toBe(true);
    }
  });
});
