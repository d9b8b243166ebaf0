import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiUserDirectory } from '../api-auth';
import type { RequestTarget } from '../request-target';
import type { UserStore } from '../users';

export interface ServerState {
  users: UserStore;
  apiUsers: ApiUserDirectory;
}

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  target: RequestTarget;
  state: ServerState;
}

export interface Route {
  matches(path: string): boolean;
  /** Methods the route answers besides OPTIONS, which the router answers for every route. */
  methods: readonly string[];
  handle(context: RouteContext): Promise<void>;
}

export const ANY_METHOD = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
