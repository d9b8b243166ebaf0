import type { IncomingMessage } from 'node:http';

/** A body over the limit: the request is refused before it is read to its end. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/**
 * An `application/x-www-form-urlencoded` body, as the HTTP-POST binding sends it (an auto-
 * submitted form). Responses with many groups run to tens of kilobytes; far larger is not SAML.
 */
export async function readFormBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<URLSearchParams> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new BodyTooLargeError(`the form is larger than ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyTooLargeError(`the form is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
