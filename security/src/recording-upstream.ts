// An upstream that records how each upload ended: complete (all announced bytes, or the chunked
// terminator) or aborted mid-body, and how many bytes it got. A proxy that ends a broken upload
// cleanly would turn a cut connection into a truncated "success".
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedUpload {
  path: string;
  bytes: number;
  outcome: 'complete' | 'aborted';
}

export interface RecordingUpstream {
  url: string;
  uploads: RecordedUpload[];
  /** Resolves once `count` uploads have ended, one way or the other. */
  waitForUploads(count: number): Promise<RecordedUpload[]>;
  /** Resolves once the upload to `path` has received at least `bytes`. */
  waitForBytes(path: string, bytes: number): Promise<void>;
  close(): Promise<void>;
}

export async function startRecordingUpstream(): Promise<RecordingUpstream> {
  const uploads: RecordedUpload[] = [];
  const listeners = new Set<() => void>();
  const received = new Map<string, number>();
  const notify = () => listeners.forEach((listener) => listener());
  const server: Server = createServer({ requestTimeout: 0 }, (req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      received.set(req.url ?? '', bytes);
      notify();
    });
    req.on('end', () => {
      uploads.push({ path: req.url ?? '', bytes, outcome: 'complete' });
      notify();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ bytes }));
    });
    req.on('aborted', () => {
      uploads.push({ path: req.url ?? '', bytes, outcome: 'aborted' });
      notify();
    });
    req.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!done()) return;
        listeners.delete(check);
        resolve();
      };
      listeners.add(check);
      check();
    });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    uploads,
    async waitForUploads(count) {
      await until(() => uploads.length >= count);
      return uploads.slice(0, count);
    },
    waitForBytes: (path, bytes) => until(() => (received.get(path) ?? 0) >= bytes),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
