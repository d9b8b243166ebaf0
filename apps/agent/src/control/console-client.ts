import { ZHeartbeatResponse, type THeartbeat, type THeartbeatResponse } from '@gatehouse/contract';
import { Agent, request, type Dispatcher } from 'undici';
import { AGENT_VERSION } from './agent-identity';
import { ConsoleResponseError, ProvisioningKeyRejectedError } from './console-errors';

export type ConfigPull =
  { status: 'not-modified' } | { status: 'document'; document: unknown; etag: string | null };

/** The agent's side of `/api/agent/v1/*` (packages/contract), over one keep-alive pool. */
export interface ConsoleClient {
  /** `waitSeconds` > 0 long-polls: the console answers when a newer version exists. */
  pullConfig(options: {
    etag: string | null;
    waitSeconds: number;
    signal: AbortSignal;
  }): Promise<ConfigPull>;
  sendHeartbeat(heartbeat: THeartbeat, signal: AbortSignal): Promise<THeartbeatResponse>;
  close(): Promise<void>;
}

/** Beyond the long-poll wait: how long a silent console is given before the pull counts as failed. */
const RESPONSE_MARGIN_MS = 15_000;

export function createConsoleClient(options: {
  consoleUrl: string;
  provisioningKey: string;
  provisioningSecret: string;
}): ConsoleClient {
  const dispatcher = new Agent({ keepAliveTimeout: 30_000, connect: { timeout: 10_000 } });
  const credentials = Buffer.from(`${options.provisioningKey}:${options.provisioningSecret}`);
  const headers = {
    authorization: `Basic ${credentials.toString('base64')}`,
    accept: 'application/json',
    'user-agent': `gatehouse-agent/${AGENT_VERSION}`,
  };

  async function call(path: string, init: Omit<Dispatcher.RequestOptions, 'origin' | 'path'>) {
    const response = await request(`${options.consoleUrl}${path}`, { ...init, dispatcher });
    if (response.statusCode === 401) {
      throw new ProvisioningKeyRejectedError(await readErrorMessage(response.body));
    }
    return response;
  }

  return {
    async pullConfig({ etag, waitSeconds, signal }) {
      const query = waitSeconds > 0 ? `?wait=${waitSeconds}` : '';
      const response = await call(`/api/agent/v1/config${query}`, {
        method: 'GET',
        headers: etag === null ? headers : { ...headers, 'if-none-match': etag },
        signal,
        headersTimeout: waitSeconds * 1000 + RESPONSE_MARGIN_MS,
        bodyTimeout: RESPONSE_MARGIN_MS,
      });
      if (response.statusCode === 304) {
        await response.body.dump();
        return { status: 'not-modified' };
      }
      if (response.statusCode !== 200) {
        throw new ConsoleResponseError(
          `the console answered ${response.statusCode} to the configuration pull: ` +
            (await readErrorMessage(response.body)),
        );
      }
      const document = await response.body.json().catch(() => {
        throw new ConsoleResponseError('the console sent a configuration that is not JSON');
      });
      const header = response.headers.etag;
      return { status: 'document', document, etag: typeof header === 'string' ? header : null };
    },

    async sendHeartbeat(heartbeat, signal) {
      const response = await call('/api/agent/v1/heartbeat', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(heartbeat),
        signal,
        headersTimeout: RESPONSE_MARGIN_MS,
        bodyTimeout: RESPONSE_MARGIN_MS,
      });
      if (response.statusCode !== 200) {
        throw new ConsoleResponseError(
          `the console answered ${response.statusCode} to the heartbeat: ` +
            (await readErrorMessage(response.body)),
        );
      }
      const parsed = ZHeartbeatResponse.safeParse(await response.body.json());
      if (!parsed.success) throw new ConsoleResponseError('the heartbeat answer is malformed');
      return parsed.data;
    },

    async close() {
      await dispatcher.destroy();
    },
  };
}

/** The console's `{ error: { message } }`, or the start of whatever else it sent. */
async function readErrorMessage(body: Dispatcher.ResponseData['body']): Promise<string> {
  const text = await body.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } };
    if (typeof parsed.error?.message === 'string') return parsed.error.message;
  } catch {
    // Not JSON: quote the text itself.
  }
  return text.slice(0, 200) || '(empty body)';
}
