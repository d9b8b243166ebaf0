// A bounded load: `requests` GETs spread over several agent replicas (each its own loopback
// address, same port), `concurrency` at a time on keep-alive connections, each as a random user.
import { Agent, request } from 'node:http';

export interface LoadTarget {
  name: string;
  address: string;
  port: number;
}

export interface LoadResult {
  target: string;
  user: number;
  status: number;
  startedAt: number;
  endedAt: number;
  /** The upstream's whoami JSON when it answered, else null. */
  body: { email: string | null; headers: Record<string, string[]> } | null;
}

export interface LoadOptions {
  targets: LoadTarget[];
  /** Host header: the application's public host, as a load balancer in front would send it. */
  host: string;
  path: string;
  /** `Cookie` header per user. */
  cookies: readonly string[];
  requests: number;
  /** Stops issuing new requests after this long, whatever the count (a busy machine is slow). */
  maxDurationMs: number;
  concurrency: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult[]> {
  const agents = options.targets.map(
    () => new Agent({ keepAlive: true, maxSockets: options.concurrency }),
  );
  const results: LoadResult[] = [];
  let issued = 0;
  const deadline = performance.now() + options.maxDurationMs;
  const worker = async () => {
    while (issued < options.requests && performance.now() < deadline) {
      issued += 1;
      const targetIndex = Math.floor(Math.random() * options.targets.length);
      const user = Math.floor(Math.random() * options.cookies.length);
      results.push(await send(options, targetIndex, agents[targetIndex] as Agent, user));
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    agents.forEach((agent) => agent.destroy());
  }
  return results;
}

function send(
  options: LoadOptions,
  targetIndex: number,
  agent: Agent,
  user: number,
): Promise<LoadResult> {
  const target = options.targets[targetIndex] as LoadTarget;
  const startedAt = performance.now();
  return new Promise((resolve) => {
    const finish = (status: number, text: string) => {
      let body: LoadResult['body'] = null;
      if (status === 200) {
        try {
          body = JSON.parse(text) as LoadResult['body'];
        } catch {
          body = null;
        }
      }
      resolve({ target: target.name, user, status, startedAt, endedAt: performance.now(), body });
    };
    const req = request(
      {
        host: target.address,
        port: target.port,
        path: options.path,
        agent,
        headers: {
          host: options.host,
          cookie: options.cookies[user] ?? '',
          accept: 'application/json',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => finish(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
        res.on('error', () => finish(-1, ''));
      },
    );
    // A connection error is a failure of the agent's to count, not a crash of the load.
    req.on('error', () => finish(-1, ''));
    req.end();
  });
}
