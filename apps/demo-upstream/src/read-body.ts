import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface BodyDigest {
  bytes: number;
  sha256: string;
}

// Chunk by chunk, so a multi-gigabyte upload costs no more memory than a small one; `for await`
// also applies backpressure to the client. Rejects if the client aborts mid-body.
export async function digestBody(req: IncomingMessage): Promise<BodyDigest> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    hash.update(chunk);
  }
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * The body as text, or null when it exceeds `limitBytes`. An oversized body is still read to its
 * end (and dropped) so the connection stays usable for the 413 answer and for keep-alive.
 */
export async function readSmallBody(
  req: IncomingMessage,
  limitBytes: number,
): Promise<string | null> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes <= limitBytes) chunks.push(chunk);
  }
  return bytes > limitBytes ? null : Buffer.concat(chunks).toString('utf8');
}
