import { request } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sampleTreeRss, readTreeRss } from '../processes/proc-stats';

const CHUNK = Buffer.alloc(256 * 1024, 'u');

/** `total` bytes in 256 KB chunks, made as they are sent: the client never holds the body. */
function* generateBody(total: number): Generator<Buffer> {
  let sent = 0;
  while (sent < total) {
    const size = Math.min(CHUNK.length, total - sent);
    sent += size;
    yield size === CHUNK.length ? CHUNK : CHUNK.subarray(0, size);
  }
}

export interface UploadResult {
  seconds: number;
  megabytesPerSecond: number;
  /** Growth of the proxy's total RSS over its value before the upload; null without a proxy. */
  proxyRssGrowthBytes: number | null;
  proxyPeakRssBytes: number | null;
}

/**
 * Streams `total` bytes as one POST and checks the upstream counted every one of them (the
 * upstream answers `{"bytes": n}`).
 */
export async function measureUpload(options: {
  url: string;
  headers: Readonly<Record<string, string>>;
  total: number;
  proxyPid: number | null;
  timeoutMs: number;
}): Promise<UploadResult> {
  const { proxyPid, total } = options;
  const before = proxyPid === null ? 0 : readTreeRss(proxyPid).reduce((sum, size) => sum + size, 0);
  const memory = proxyPid === null ? null : sampleTreeRss(proxyPid, 100);
  const started = performance.now();
  let answer: string;
  let peaks: { peakTotalBytes: number } | null;
  try {
    answer = await post(options);
  } finally {
    peaks = memory?.stop() ?? null;
  }
  const seconds = (performance.now() - started) / 1000;
  const received = (JSON.parse(answer) as { bytes?: number }).bytes;
  if (received !== total) {
    throw new Error(
      `the upstream received ${received} of the ${total} bytes sent to ${options.url}`,
    );
  }
  return {
    seconds,
    megabytesPerSecond: total / 1024 ** 2 / seconds,
    proxyRssGrowthBytes: peaks === null ? null : peaks.peakTotalBytes - before,
    proxyPeakRssBytes: peaks?.peakTotalBytes ?? null,
  };
}

function post(options: {
  url: string;
  headers: Readonly<Record<string, string>>;
  total: number;
  timeoutMs: number;
}): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      options.url,
      {
        method: 'POST',
        agent: false,
        headers: {
          ...options.headers,
          'content-type': 'application/octet-stream',
          'content-length': options.total,
        },
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(body)
            : reject(new Error(`upload to ${options.url} answered ${res.statusCode}: ${body}`)),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    pipeline(Readable.from(generateBody(options.total)), req).catch(reject);
  });
}
