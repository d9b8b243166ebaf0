import { request, type Agent } from 'node:http';
import { createServer } from 'node:net';

export interface ProbeResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One GET, on a fresh connection unless a keep-alive `agent` is given. */
export function probe(
  url: string,
  headers: Record<string, string> = {},
  agent: Agent | false = false,
): Promise<ProbeResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The error code a GET fails with (ECONNREFUSED on a closed port), or 'answered'. */
export async function probeFailure(url: string, agent: Agent | false = false): Promise<string> {
  try {
    await probe(url, {}, agent);
    return 'answered';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

/** Retries `read` until `accept` holds, for at most `timeoutMs`; fails with the last value. */
export async function pollUntil<T>(
  read: () => Promise<T> | T,
  accept: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(
    `condition not met within ${timeoutMs} ms; last value ${JSON.stringify(last)}` +
      (lastError instanceof Error ? `, last error ${lastError.message}` : ''),
  );
}

/** A port free right now on 127.0.0.1, for configuration documents (which cannot say "port 0"). */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
