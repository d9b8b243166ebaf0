import { ZAgentConfigQuery } from '@/server/agent-config/agent-config.types';
import { serveAgentConfig } from '@/server/agent-config/serve-agent-config';
import { withApi } from '@/server/api/with-api';

// Long polls hold the request open; never cache or prerender this route.
export const dynamic = 'force-dynamic';

export const GET = withApi(
  { auth: 'agent', query: ZAgentConfigQuery },
  ({ agent, query, request }) =>
    serveAgentConfig(agent, {
      ifNoneMatch: request.headers.get('if-none-match'),
      waitSeconds: query.wait ?? 0,
      signal: request.signal,
    }),
);
