import type { z } from 'zod';
import type { Permission } from '../api/actor';
import { ACCOUNT_ROUTE_SPECS } from './account-route-specs';
import { AGENT_ROUTE_SPECS } from './agent-route-specs';
import { CONFIGURATION_ROUTE_SPECS } from './configuration-route-specs';

export interface ApiRouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, e.g. `/api/v1/deployments/{id}`. */
  path: string;
  summary: string;
  tag: string;
  auth: 'user' | 'agent' | 'none';
  permission?: Permission;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** 200 unless said. No `response` for 204 and for the agent document (see its description). */
  status?: number;
  response?: z.ZodType;
  description?: string;
}

/** Every route of the console's HTTP API. Route files declare the same; a test holds them equal. */
export const API_ROUTE_SPECS: ApiRouteSpec[] = [
  ...ACCOUNT_ROUTE_SPECS,
  ...CONFIGURATION_ROUTE_SPECS,
  ...AGENT_ROUTE_SPECS,
];
