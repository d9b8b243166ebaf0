// Enforces: a request the agent answers itself (a redirect, an error page) cannot hold its
// connection with a body nobody reads. The application listeners have no request timeout (uploads
// of several gigabytes outlast any), and Node reads and discards an unread body for as long as
// the client keeps sending, so a slow or endless body to `/.gatehouse/callback` or a denied path
// held a connection forever. Like nginx's lingering close: once the answer is sent, discard at
// most UNREAD_BODY_LIMIT_BYTES for at most UNREAD_BODY_LINGER_MS, then close the connection.
import type { IncomingMessage } from 'node:http';

export const UNREAD_BODY_LIMIT_BYTES = 1024 * 1024;
export const UNREAD_BODY_LINGER_MS = 5_000;

/** Starts discarding the rest of `req`'s body within the bounds above. */
export function limitUnreadBody(req: IncomingMessage): void {
  if (req.complete || req.readableEnded) return;
  let discarded = 0;
  const close = () => {
    clearTimeout(timer);
    req.socket.destroy();
  };
  const timer = setTimeout(close, UNREAD_BODY_LINGER_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > UNREAD_BODY_LIMIT_BYTES) close();
  });
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
}
