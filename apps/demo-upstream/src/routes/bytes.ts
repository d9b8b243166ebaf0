// Proxy and benchmark probe: `GET /bytes/:n` answers exactly n bytes where byte k is `k % 256`,
// so a client can check both length and content without the server holding n bytes in memory.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sendJson } from '../respond';
import type { RouteContext } from './context';

export const MAX_BYTES = 1024 ** 3;

const CHUNK_SIZE = 64 * 1024; // a multiple of 256 keeps the pattern continuous across chunks
const PATTERN = Buffer.from(Array.from({ length: CHUNK_SIZE }, (_, index) => index % 256));

export async function handleBytes({ req, res, target }: RouteContext): Promise<void> {
  const raw = target.path.slice('/bytes/'.length);
  const count = /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(count <= MAX_BYTES)) {
    sendJson(res, 400, {
      detail: `Ask for /bytes/<n> with n a whole number from 0 to ${MAX_BYTES}.`,
    });
    return;
  }
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': count,
  });
  // Small bodies (the 1 KB benchmark) skip the stream machinery entirely.
  if (req.method === 'HEAD' || count <= CHUNK_SIZE) {
    res.end(req.method === 'HEAD' ? undefined : PATTERN.subarray(0, count));
    return;
  }
  try {
    await pipeline(Readable.from(generatePatternChunks(count)), res);
  } catch {
    // The client went away mid-body; there is nobody left to answer.
  }
}

function* generatePatternChunks(count: number): Generator<Buffer> {
  for (let remaining = count; remaining > 0; remaining -= CHUNK_SIZE) {
    yield PATTERN.subarray(0, Math.min(remaining, CHUNK_SIZE));
  }
}
