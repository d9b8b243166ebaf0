import { request as httpRequest, STATUS_CODES, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';
import { isConnectError, type UpstreamBalancer, type UpstreamServer } from './upstream-balancer';

export interface ForwardUpgradeInput {
  balancer: UpstreamBalancer;
  req: IncomingMessage;
  socket: Duplex;
  head: Buffer;
  target: string;
  /** Everything but Host, Connection and Upgrade, as a flat `[name, value, …]` list. */
  headers: readonly string[];
  preservedHost: string | null;
  onUnreachable(error: Error): void;
  onSettled(status: number): void;
}

/**
 * Relays an upgrade (WebSocket) request: once the upstream answers 101, bytes flow both ways
 * untouched until either side closes. An upstream that declines the upgrade has its answer
 * relayed as is.
 */
export function forwardUpgrade(input: ForwardUpgradeInput): void {
  attemptUpgrade(input, input.balancer.order(Date.now()), 0);
}

function attemptUpgrade(
  input: ForwardUpgradeInput,
  candidates: UpstreamServer[],
  index: number,
): void {
  const server = candidates[index] as UpstreamServer;
  const { socket } = input;
  const send = server.url.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send({
    host: server.url.hostname.replace(/^\[|\]$/g, ''),
    port: server.url.port || (server.url.protocol === 'https:' ? 443 : 80),
    method: input.req.method,
    path: `${server.basePath}${input.target}`,
    headers: input.headers.concat(
      'host',
      input.preservedHost ?? server.host,
      'connection',
      'Upgrade',
      'upgrade',
      input.req.headers.upgrade ?? 'websocket',
    ),
  });
  socket.once('close', () => upstream.destroy());

  upstream.on('upgrade', (response, upstreamSocket, upstreamHead) => {
    input.balancer.markHealthy(server);
    input.onSettled(101);
    socket.write(formatHead(response));
    if (upstreamHead.length > 0) socket.write(upstreamHead);
    if (input.head.length > 0) upstreamSocket.write(input.head);
    upstreamSocket.on('error', () => socket.destroy());
    socket.on('error', () => upstreamSocket.destroy());
    upstreamSocket.pipe(socket).pipe(upstreamSocket);
  });

  upstream.on('response', (response) => {
    input.onSettled(response.statusCode ?? 502);
    socket.write(formatHead(response, true));
    response.pipe(socket);
  });

  upstream.on('error', (error) => {
    if (isConnectError(error)) {
      input.balancer.markFailed(server, Date.now());
      if (index + 1 < candidates.length && !socket.destroyed) {
        attemptUpgrade(input, candidates, index + 1);
        return;
      }
    }
    if (!socket.destroyed) input.onUnreachable(error);
  });
  upstream.end();
}

function formatHead(response: IncomingMessage, closing = false): string {
  const status = response.statusCode ?? 502;
  const lines = [`HTTP/1.1 ${status} ${response.statusMessage || STATUS_CODES[status] || ''}`];
  for (let index = 0; index < response.rawHeaders.length; index += 2) {
    const name = response.rawHeaders[index] ?? '';
    // A declined upgrade is answered once on a connection we then close.
    if (closing && /^(connection|keep-alive|transfer-encoding)$/i.test(name)) continue;
    lines.push(`${name}: ${response.rawHeaders[index + 1] ?? ''}`);
  }
  if (closing) lines.push('connection: close');
  return `${lines.join('\r\n')}\r\n\r\n`;
}
